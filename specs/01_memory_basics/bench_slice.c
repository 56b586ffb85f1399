/* bench_slice.c - benchmark driver: the middle half of an array of n ints */
#include "bench.h"
#include "slice.h"

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	for (size_t i = 0; i < n; i++)
		a[i] = bench_rand_int(rng, -1000, 1000);
	return a;
}

void bench_run(void *input, size_t n)
{
	struct int_view v = slice(input, n, n / 4, n - n / 4);
	bench_sink(v.len);
	if (v.len)
		bench_sink((uint64_t)v.data[v.len - 1]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
