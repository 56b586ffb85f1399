/* nlogn_heap_sort.c - fitbench entry: in-place heap sort of n random
 * distinct ints
 *
 * class: O(n log n)
 * sizes: 1024..262144 x2
 *
 * A linear-time heapify, then n sift-downs of up to log n levels each,
 * jumping across the array: poor locality once it outgrows the caches.
 */
#include "bench.h"

static void sift_down(int *a, size_t i, size_t n)
{
	int v = a[i];

	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && a[c + 1] > a[c])
			c++;
		if (a[c] <= v)
			break;
		a[i] = a[c];
		i = c;
	}
	a[i] = v;
}

static void heap_sort(int *a, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(a, i, n);
	for (size_t end = n; end-- > 1;) {
		int t = a[0];
		a[0] = a[end];
		a[end] = t;
		sift_down(a, 0, end);
	}
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
	heap_sort(a, n);
	bench_sink((uint64_t)a[n / 3]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
