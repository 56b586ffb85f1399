/* const_path_switch.c - fitbench entry: 256 membership queries on a set of
 * n/2 keys, answered by a bitmap up to n = 4096 and by a hash table above
 *
 * class: O(1)
 * sizes: 1024..65536 x2
 *
 * Either way a query costs the same at every n: one load from the bitmap,
 * or a hash and exactly four probes. But the hash path costs several times
 * the bitmap's, so the count steps up once between n = 4096 and 8192 and
 * stays flat on either side: a change of path, not a logarithm.
 */
#include "bench.h"

#define QUERIES 256
#define SMALL 4096
#define PROBES 4

struct input {
	uint64_t *bits;  /* n bits, for n <= SMALL */
	int *slots;      /* 8n slots, -1 empty, for n > SMALL */
	size_t mask;
	int queries[QUERIES];
};

static size_t hash(int key)
{
	uint64_t h = (uint64_t)(unsigned)key * 0x9e3779b97f4a7c15ull;
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9ull;
	return (size_t)(h ^ (h >> 32));
}

static int member(const struct input *in, size_t n, int key)
{
	if (n <= SMALL)
		return (int)(in->bits[(unsigned)key >> 6] >> ((unsigned)key & 63) & 1);
	size_t h = hash(key);
	int found = 0;
	for (size_t k = 0; k < PROBES; k++)
		found |= in->slots[(h + k) & in->mask] == key;
	return found;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_calloc(1, sizeof(*in));
	size_t q = 0;

	if (n <= SMALL) {
		in->bits = bench_calloc((n + 63) / 64, sizeof(*in->bits));
	} else {
		in->mask = 8 * n - 1; /* n is a power of two */
		in->slots = bench_alloc(8 * n * sizeof(*in->slots));
		for (size_t i = 0; i <= in->mask; i++)
			in->slots[i] = -1;
	}
	for (size_t i = 0; i < n / 2; i++) {
		int key = bench_rand_int(rng, 0, (int)n - 1);
		int stored = 1;
		if (n <= SMALL) {
			in->bits[(unsigned)key >> 6] |= 1ull << ((unsigned)key & 63);
		} else {
			size_t h = hash(key), k = 0;
			while (k < PROBES && in->slots[(h + k) & in->mask] != -1 &&
			       in->slots[(h + k) & in->mask] != key)
				k++;
			if (k < PROBES)
				in->slots[(h + k) & in->mask] = key;
			else
				stored = 0;
		}
		if (stored && q < QUERIES)
			in->queries[q++] = key;
	}
	while (q < QUERIES)
		in->queries[q++] = 0;
	return in;
}

void bench_run(void *input, size_t n)
{
	const struct input *in = input;
	uint64_t sum = 0;
	for (size_t k = 0; k < QUERIES; k++)
		sum += (uint64_t)member(in, n, in->queries[k]);
	bench_sink(sum);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->bits);
	bench_release(in->slots);
	bench_release(in);
}
