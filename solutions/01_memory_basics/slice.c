/* slice.c - reference solution: clamp the bounds, point into the array.
 * O(1) time, nothing copied, no heap. */
#include "slice.h"

struct int_view slice(const int *a, size_t n, size_t from, size_t to)
{
	struct int_view v = { a, 0 };

	if (to > n)
		to = n;
	if (from > to)
		from = to;
	if (a) {
		v.data = a + from;
		v.len = to - from;
	}
	return v;
}
