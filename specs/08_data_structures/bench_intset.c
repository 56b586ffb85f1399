/* bench_intset.c - benchmark driver: n adds (about one in four a value
 * already added), n lookups (half of them hits), n/2 removes and n lookups
 * again; values spread over the whole int range */
#include "bench.h"
#include "intset.h"

struct input {
	int *adds;    /* n values to add, some repeated */
	int *lookups; /* n values to look up: every other one was added */
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->adds = bench_alloc(n * sizeof(int));
	in->lookups = bench_alloc(n * sizeof(int));
	for (size_t i = 0; i < n; i++) {
		if (i >= 4 && bench_rand(rng) % 4 == 0)
			in->adds[i] = in->adds[bench_rand(rng) % i];
		else
			in->adds[i] = (int)(uint32_t)bench_rand(rng);
	}
	for (size_t i = 0; i < n; i++)
		in->lookups[i] = i % 2 ? in->adds[bench_rand(rng) % n] : (int)(uint32_t)bench_rand(rng);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	struct intset *s = intset_new();
	uint64_t sum = 0;

	if (!s)
		return;
	for (size_t i = 0; i < n; i++)
		sum += (uint64_t)intset_add(s, in->adds[i]);
	for (size_t i = 0; i < n; i++)
		sum += intset_contains(s, in->lookups[i]);
	for (size_t i = 0; i < n / 2; i++)
		sum += intset_remove(s, in->adds[2 * i]);
	for (size_t i = 0; i < n; i++)
		sum += intset_contains(s, in->lookups[i]);
	sum += intset_size(s);
	intset_free(s);
	bench_sink(sum);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->adds);
	bench_release(in->lookups);
	bench_release(in);
}
