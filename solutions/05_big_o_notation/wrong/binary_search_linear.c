/* binary_search_linear.c - known wrong: looks at every element in turn.
 * Correct, but O(n) (a key that is absent costs all n comparisons): must
 * fail complexity. */
#include "binary_search.h"

ptrdiff_t binary_search(const int *a, size_t n, int key)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] == key)
			return (ptrdiff_t)i;
	return -1;
}
