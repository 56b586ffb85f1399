/* binary_search.h - topic 05: find a value in a sorted array */
#ifndef BINARY_SEARCH_H
#define BINARY_SEARCH_H

#include <stddef.h>

/* An index i with a[i] == key, or -1 when key is not in a[0..n). a is
 * sorted ascending and is not modified; when key occurs more than once, any
 * of its indices will do. n may be 0 (a may then be NULL). Target:
 * O(log n) time, no heap. */
ptrdiff_t binary_search(const int *a, size_t n, int key);

#endif
