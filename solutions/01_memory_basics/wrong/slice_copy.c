/* slice_copy.c - known wrong: returns a fresh copy of the range instead of a
 * view, and nobody frees it. The data does not point into the array, the
 * copy costs O(n), allocates and leaks: must fail tests, complexity and
 * memory. */
#include <stdlib.h>

#include "slice.h"

struct int_view slice(const int *a, size_t n, size_t from, size_t to)
{
	struct int_view v = { NULL, 0 };

	if (to > n)
		to = n;
	if (!a || from >= to)
		return v;
	int *copy = malloc((to - from) * sizeof(*copy));
	if (!copy)
		return v;
	for (size_t i = from; i < to; i++)
		copy[i - from] = a[i];
	v.data = copy;
	v.len = to - from;
	return v;
}
