/* slice_unclamped.c - known wrong: trusts the bounds, so a slice that runs
 * past the end runs past the array. O(1) and allocates nothing: must fail
 * tests only. */
#include "slice.h"

struct int_view slice(const int *a, size_t n, size_t from, size_t to)
{
	struct int_view v = { a, 0 };

	(void)n;
	if (a && from < to) {
		v.data = a + from;
		v.len = to - from;
	}
	return v;
}
