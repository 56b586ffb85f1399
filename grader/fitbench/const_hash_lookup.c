/* const_hash_lookup.c - fitbench entry: 1024 lookups in an open-addressing
 * hash table of n random keys
 *
 * class: O(1)
 * sizes: 1024..1048576 x2
 *
 * Expected O(1) per lookup with linear probing at load 1/4, but the number
 * of probes depends on the keys, so the count wiggles from size to size
 * with no trend. The table outgrows the caches at the larger sizes: random
 * probes miss, and CPU time grows where instructions do not.
 */
#include "bench.h"

#define LOOKUPS 1024

struct input {
	uint64_t *slots; /* 0 is empty */
	size_t mask;
	uint64_t *keys;  /* LOOKUPS keys that are in the table */
};

static size_t slot_of(uint64_t key, size_t mask)
{
	return (size_t)((key * 0x9e3779b97f4a7c15ull) >> 20) & mask;
}

static int contains(const struct input *in, uint64_t key)
{
	for (size_t i = slot_of(key, in->mask);; i = (i + 1) & in->mask) {
		if (in->slots[i] == key)
			return 1;
		if (!in->slots[i])
			return 0;
	}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	size_t cap = 4, stride = n >= LOOKUPS ? n / LOOKUPS : 1;
	while (cap < 4 * n)
		cap *= 2;
	in->slots = bench_calloc(cap, sizeof(*in->slots));
	in->mask = cap - 1;
	in->keys = bench_alloc(LOOKUPS * sizeof(*in->keys));
	for (size_t k = 0; k < n; k++) {
		uint64_t key = bench_rand(rng) | 1;
		size_t i = slot_of(key, in->mask);
		while (in->slots[i] && in->slots[i] != key)
			i = (i + 1) & in->mask;
		in->slots[i] = key;
		/* Keys spread over the order of insertion: the late ones
		 * probe further than the early ones. */
		if (k % stride == 0 && k / stride < LOOKUPS)
			in->keys[k / stride] = key;
	}
	for (size_t k = n; k < LOOKUPS; k++)
		in->keys[k] = in->keys[k % n];
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	uint64_t found = 0;
	(void)n;
	for (size_t k = 0; k < LOOKUPS; k++)
		found += (uint64_t)contains(in, in->keys[k]);
	bench_sink(found);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->slots);
	bench_release(in->keys);
	bench_release(in);
}
