/* has_duplicates.h - topic 03: does some value occur twice? */
#ifndef HAS_DUPLICATES_H
#define HAS_DUPLICATES_H

#include <stdbool.h>
#include <stddef.h>

/* True when some value occurs at least twice in a[0..n). a is not modified.
 * Target: O(n log n) time or better; at most 16*n + 64 KiB bytes of extra
 * heap, all of it freed before returning. */
bool has_duplicates(const int *a, size_t n);

#endif
