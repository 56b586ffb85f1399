/* n2_bubble_early.c - fitbench entry: bubble sort that stops after a pass
 * without swaps, on n ints sorted but for the smallest, which is last
 *
 * class: O(n^2)
 * sizes: 128..4096 x2
 *
 * The early exit cannot help: the smallest value moves one place per
 * pass, so the sort makes n - 1 passes before one swaps nothing.
 */
#include "bench.h"

static void bubble_sort(int *a, size_t n)
{
	for (size_t end = n; end > 1; end--) {
		int swapped = 0;
		for (size_t i = 1; i < end; i++) {
			if (a[i - 1] > a[i]) {
				int t = a[i];
				a[i] = a[i - 1];
				a[i - 1] = t;
				swapped = 1;
			}
		}
		if (!swapped)
			break;
	}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	(void)rng;
	for (size_t i = 0; i + 1 < n; i++)
		a[i] = (int)i + 1;
	a[n - 1] = 0;
	return a;
}

void bench_run(void *input, size_t n)
{
	int *a = input;
	bubble_sort(a, n);
	bench_sink((uint64_t)a[n / 3]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
