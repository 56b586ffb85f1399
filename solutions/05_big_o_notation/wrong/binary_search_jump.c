/* binary_search_jump.c - known wrong: jump search. Strides through the
 * sorted array sqrt(n) elements at a time until it passes key, then scans
 * the last stride. Correct and much better than a linear scan, but
 * O(sqrt n), not O(log n): must fail complexity. */
#include "binary_search.h"

ptrdiff_t binary_search(const int *a, size_t n, int key)
{
	size_t step = 1;

	while (step * step < n)
		step++;
	size_t lo = 0;
	while (lo + step < n && a[lo + step - 1] < key)
		lo += step;
	size_t hi = lo + step < n ? lo + step : n;
	for (size_t i = lo; i < hi && a[i] <= key; i++)
		if (a[i] == key)
			return (ptrdiff_t)i;
	return -1;
}
