/* n_sum_array.c - fitbench entry: the sum of an array of n
 *
 * class: O(n)
 * sizes: 1024..1048576 x2
 *
 * The plainest linear loop: sequential reads the prefetcher loves.
 */
#include "bench.h"

static int64_t sum(const int *a, size_t n)
{
	int64_t s = 0;

	for (size_t i = 0; i < n; i++)
		s += a[i];
	return s;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	for (size_t i = 0; i < n; i++)
		a[i] = bench_rand_int(rng, -1000, 1000);
	return a;
}

void bench_run(void *input, size_t n)
{
	bench_sink((uint64_t)sum(input, n));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
