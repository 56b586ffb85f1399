/* most_frequent.h - topic 08: which value occurs most often? */
#ifndef MOST_FREQUENT_H
#define MOST_FREQUENT_H

#include <stddef.h>

/* Counts the occurrences of each value in a[0..n), stores in *value the one
 * that occurs most often (the smallest of them on a tie) and returns its
 * count. Returns 0 and leaves *value alone when n is 0. a is not modified.
 * Target: O(n log n) time or better; at most 24*n + 64 KiB bytes of extra
 * heap, all of it freed before returning. */
size_t most_frequent(const int *a, size_t n, int *value);

#endif
