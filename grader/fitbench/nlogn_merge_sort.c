/* nlogn_merge_sort.c - fitbench entry: top-down merge sort of n random
 * distinct ints, with a scratch buffer it allocates
 *
 * class: O(n log n)
 * sizes: 1024..262144 x2
 *
 * log n levels of recursion, each merging all n elements.
 */
#include <stdlib.h>
#include <string.h>

#include "bench.h"

static void sort_range(int *a, int *tmp, size_t lo, size_t hi)
{
	if (hi - lo < 2)
		return;
	size_t mid = lo + (hi - lo) / 2, i = lo, j = mid, k = lo;
	sort_range(a, tmp, lo, mid);
	sort_range(a, tmp, mid, hi);
	while (i < mid && j < hi)
		tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
	while (i < mid)
		tmp[k++] = a[i++];
	while (j < hi)
		tmp[k++] = a[j++];
	memcpy(a + lo, tmp + lo, (hi - lo) * sizeof(*a));
}

static void merge_sort(int *a, size_t n)
{
	int *tmp = malloc(n * sizeof(*tmp));
	if (!tmp)
		return;
	sort_range(a, tmp, 0, n);
	free(tmp);
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	bench_fill_distinct(rng, a, n, 0);
	return a;
}

void bench_run(void *input, size_t n)
{
	int *a = input;
	merge_sort(a, n);
	bench_sink((uint64_t)a[n / 3]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
