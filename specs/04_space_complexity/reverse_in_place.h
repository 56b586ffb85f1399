/* reverse_in_place.h - topic 04: reverse an array without a second array */
#ifndef REVERSE_IN_PLACE_H
#define REVERSE_IN_PLACE_H

#include <stddef.h>

/* Reverses a[0..n) in place: a[0] and a[n-1] trade places, and so on.
 * n may be 0 (a may then be NULL). Target: O(n) time, no heap at all, and
 * O(1) stack: no recursion whose depth grows with n. */
void reverse_in_place(int *a, size_t n);

#endif
