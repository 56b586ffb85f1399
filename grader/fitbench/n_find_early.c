/* n_find_early.c - fitbench entry: linear search that stops at the key,
 * which sits three quarters of the way along an array of n
 *
 * class: O(n)
 * sizes: 1024..1048576 x2
 *
 * An early exit that still leaves a fixed fraction of n to scan.
 */
#include "bench.h"

static size_t find(const int *a, size_t n, int key)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] == key)
			return i;
	return n;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	bench_fill_distinct(rng, a, n, 1);
	/* The key, 0, appears once only, at 3n/4. */
	a[3 * n / 4] = 0;
	return a;
}

void bench_run(void *input, size_t n)
{
	bench_sink(find(input, n, 0));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
