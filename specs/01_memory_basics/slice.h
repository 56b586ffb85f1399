/* slice.h - topic 01: a view into an array, without copying it */
#ifndef SLICE_H
#define SLICE_H

#include <stddef.h>

/* len ints starting at data, owned by someone else: a view, not a copy.
 * It stays valid as long as the array it points into. */
struct int_view {
	const int *data;
	size_t len;
};

/* The view of a[from..to) for an array a of n ints, pointing into a
 * itself. Out-of-range bounds are clamped as Python's a[from:to] does for
 * non-negative bounds: to is lowered to n, and the view is empty when
 * from >= to. An empty view has len 0 and data pointing into or just past
 * a (NULL when a is NULL). Nothing is copied and a is not modified.
 * Target: O(1) time, whatever the length of the view; no heap at all. */
struct int_view slice(const int *a, size_t n, size_t from, size_t to);

#endif
