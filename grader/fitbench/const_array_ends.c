/* const_array_ends.c - fitbench entry: the median of an array's first,
 * middle and last elements
 *
 * class: O(1)
 * sizes: 1024..4194304 x4
 *
 * A few dozen instructions whatever n is: the smallest cost in the corpus.
 * The array is ascending, so the branches go the same way at every size.
 */
#include "bench.h"

static int median3(const int *a, size_t n)
{
	int x = a[0], y = a[n / 2], z = a[n - 1];

	if (x > y) {
		int t = x;
		x = y;
		y = t;
	}
	if (y > z)
		y = z;
	return x > y ? x : y;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	(void)rng;
	for (size_t i = 0; i < n; i++)
		a[i] = (int)i;
	return a;
}

void bench_run(void *input, size_t n)
{
	bench_sink((uint64_t)median3(input, n));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
