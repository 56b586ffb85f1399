/* n3_three_sum.c - fitbench entry: counts the triples of n ints that sum
 * to zero, trying every triple
 *
 * class: O(n^3)
 * sizes: 16..512 x2
 *
 * n^3/6 iterations: a small constant factor on the cube.
 */
#include "bench.h"

static uint64_t three_sum(const int *a, size_t n)
{
	uint64_t count = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			for (size_t k = j + 1; k < n; k++)
				count += a[i] + a[j] + a[k] == 0;
	return count;
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
	bench_sink(three_sum(input, n));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
