/* bench_smooth.c - benchmark driver: n random ints smoothed in place */
#include "bench.h"
#include "smooth.h"

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	for (size_t i = 0; i < n; i++)
		a[i] = bench_rand_int(rng, -1000000, 1000000);
	return a;
}

void bench_run(void *input, size_t n)
{
	int *a = input;
	smooth(a, a, n);
	if (n)
		bench_sink((uint64_t)a[n / 2]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
