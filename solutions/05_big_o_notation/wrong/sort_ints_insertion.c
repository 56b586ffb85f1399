/* sort_ints_insertion.c - known wrong: insertion sort. Correct, in place and
 * fast on short or nearly sorted arrays, but each new value shifts past half
 * of the sorted part on average: O(n^2) on random input. Must fail
 * complexity. */
#include "sort_ints.h"

void sort_ints(int *a, size_t n)
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
