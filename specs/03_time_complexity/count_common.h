/* count_common.h - topic 03: how many distinct values do two arrays share? */
#ifndef COUNT_COMMON_H
#define COUNT_COMMON_H

#include <stddef.h>

/* The number of distinct values that occur both in a[0..na) and in b[0..nb).
 * Neither array is modified. Target: O(n log n) time or better in
 * n = na + nb; at most 16*n + 64 KiB bytes of extra heap, all freed. */
size_t count_common(const int *a, size_t na, const int *b, size_t nb);

#endif
