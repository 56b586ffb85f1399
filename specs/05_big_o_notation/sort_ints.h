/* sort_ints.h - topic 05: sort an array of ints */
#ifndef SORT_INTS_H
#define SORT_INTS_H

#include <stddef.h>

/* Sorts a[0..n) ascending, in place (equal values in any order). n may be 0
 * (a may then be NULL). Target: O(n log n) time on random input; at most
 * 4*n + 64 KiB bytes of extra heap (room for one copy of the array, or for
 * qsort's own buffer), all freed before returning. */
void sort_ints(int *a, size_t n);

#endif
