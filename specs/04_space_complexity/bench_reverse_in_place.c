/* bench_reverse_in_place.c - benchmark driver: a random permutation of n values */
#include "bench.h"
#include "reverse_in_place.h"

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	bench_fill_distinct(rng, a, n, 0);
	return a;
}

void bench_run(void *input, size_t n)
{
	int *a = input;
	reverse_in_place(a, n);
	bench_sink(n ? (uint64_t)a[0] ^ (uint64_t)a[n / 2] : 0);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
