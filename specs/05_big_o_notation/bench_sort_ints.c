/* bench_sort_ints.c - benchmark driver: n random ints from the whole range */
#include <limits.h>

#include "bench.h"
#include "sort_ints.h"

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	for (size_t i = 0; i < n; i++)
		a[i] = bench_rand_int(rng, INT_MIN, INT_MAX);
	return a;
}

void bench_run(void *input, size_t n)
{
	int *a = input;
	sort_ints(a, n);
	bench_sink(n ? (uint64_t)a[0] ^ (uint64_t)a[n / 2] ^ (uint64_t)a[n - 1] : 0);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
