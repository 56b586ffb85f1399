/* n2_insertion_sort.c - fitbench entry: insertion sort of n ints in
 * reverse order
 *
 * class: O(n^2)
 * sizes: 128..4096 x2
 *
 * The worst case: every element shifts past all the ones before it.
 */
#include "bench.h"

static void insertion_sort(int *a, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		int v = a[i];
		size_t j = i;
		while (j > 0 && a[j - 1] > v) {
			a[j] = a[j - 1];
			j--;
		}
		a[j] = v;
	}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	(void)rng;
	for (size_t i = 0; i < n; i++)
		a[i] = (int)(n - i);
	return a;
}

void bench_run(void *input, size_t n)
{
	int *a = input;
	insertion_sort(a, n);
	bench_sink((uint64_t)a[n / 3]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
