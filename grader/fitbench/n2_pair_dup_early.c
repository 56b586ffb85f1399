/* n2_pair_dup_early.c - fitbench entry: looks for two equal values by
 * comparing all pairs, and stops at the first pair found
 *
 * class: O(n^2)
 * sizes: 128..4096 x2
 *
 * The only equal pair sits at n/2 and n/2 + 1: the search stops halfway
 * through the outer loop, after some 3n^2/8 comparisons.
 */
#include "bench.h"

static int has_equal_pair(const int *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (a[i] == a[j])
				return 1;
	return 0;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	bench_fill_distinct(rng, a, n, 0);
	a[n / 2 + 1] = a[n / 2];
	return a;
}

void bench_run(void *input, size_t n)
{
	bench_sink((uint64_t)has_equal_pair(input, n));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
