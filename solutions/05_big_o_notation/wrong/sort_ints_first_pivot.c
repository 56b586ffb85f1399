/* sort_ints_first_pivot.c - known wrong: quicksort that takes the first
 * element as its pivot. O(n log n) on random input, the only shape a
 * benchmark without input families would give it; on input already in
 * order each partition splits off one element: O(n^2). Must fail
 * complexity, on a sorted family. */
#include "sort_ints.h"

static void swap(int *a, size_t i, size_t j)
{
	int t = a[i];
	a[i] = a[j];
	a[j] = t;
}

/* Sorts a[lo..hi] (inclusive), Hoare's partition around a[lo]. */
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
			swap(a, i, j);
		}
		swap(a, lo, j);
		/* The smaller side first, the larger in this loop: the stack
		 * stays O(log n) deep whatever the input. */
		if (j - lo < hi - j) {
			if (j > lo)
				quick(a, lo, j - 1);
			lo = j + 1;
		} else {
			quick(a, j + 1, hi);
			if (j == lo)
				break;
			hi = j - 1;
		}
	}
}

void sort_ints(int *a, size_t n)
{
	if (n > 1)
		quick(a, 0, n - 1);
}
