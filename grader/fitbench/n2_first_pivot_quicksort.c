/* n2_first_pivot_quicksort.c - fitbench entry: a quicksort that takes the
 * first element as its pivot, given n ints already in order
 *
 * class: O(n^2)
 * sizes: 128..4096 x2
 *
 * Input-dependent: n log n on shuffled input, and on sorted input every
 * partition splits off one element, n^2/2 comparisons. The entry measures
 * the input that makes it slow, as a benchmark's input families would.
 */
#include "bench.h"

static void quick(int *a, size_t lo, size_t hi)
{
	while (lo < hi) {
		int pivot = a[lo];
		size_t i = lo, j = hi + 1;
		for (;;) {
			do
				i++;
			while (i <= hi && a[i] < pivot);
			do
				j--;
			while (a[j] > pivot);
			if (i >= j)
				break;
			int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
		int t = a[lo];
		a[lo] = a[j];
		a[j] = t;
		if (j > lo)
			quick(a, lo, j - 1);
		lo = j + 1;
	}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc((n ? n : 1) * sizeof(*a));
	int start = bench_rand_int(rng, -1000, 1000);
	for (size_t i = 0; i < n; i++)
		a[i] = start + (int)i;
	return a;
}

void bench_run(void *input, size_t n)
{
	int *a = input;
	if (n > 1)
		quick(a, 0, n - 1);
	bench_sink((uint64_t)a[0]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
