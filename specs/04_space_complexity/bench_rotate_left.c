/* bench_rotate_left.c - benchmark driver: a random permutation of n values,
 * rotated by k = n/2 + 1, so that k grows with n (rotating one place at a
 * time, k times, is then quadratic) */
#include "bench.h"
#include "rotate_left.h"

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	bench_fill_distinct(rng, a, n, 0);
	return a;
}

void bench_run(void *input, size_t n)
{
	int *a = input;
	rotate_left(a, n, n / 2 + 1);
	bench_sink(n ? (uint64_t)a[0] ^ (uint64_t)a[n - 1] : 0);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
