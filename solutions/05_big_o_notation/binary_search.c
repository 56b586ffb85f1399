/* binary_search.c - reference solution: keep a half-open range [lo, hi)
 * that holds key if a does, and halve it at each step. O(log n) time. */
#include "binary_search.h"

ptrdiff_t binary_search(const int *a, size_t n, int key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		/* Not (lo + hi) / 2: that sum can overflow for huge arrays. */
		size_t mid = lo + (hi - lo) / 2;
		if (a[mid] < key)
			lo = mid + 1;
		else if (a[mid] > key)
			hi = mid;
		else
			return (ptrdiff_t)mid;
	}
	return -1;
}
