/* rotate_left.h - topic 04: rotate an array in place */
#ifndef ROTATE_LEFT_H
#define ROTATE_LEFT_H

#include <stddef.h>

/* Rotates a[0..n) left by k places, in place: the element at index i moves
 * to index (i - k) mod n, so {1,2,3,4,5} rotated by 2 is {3,4,5,1,2}.
 * k may be any value, also n or more (rotating by n changes nothing); n may
 * be 0 (a may then be NULL). Target: O(n) time whatever k is, no heap at
 * all, O(1) stack. */
void rotate_left(int *a, size_t n, size_t k);

#endif
