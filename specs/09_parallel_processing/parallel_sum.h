/* parallel_sum.h - topic 09: add up an array with several threads, race-free */
#ifndef PARALLEL_SUM_H
#define PARALLEL_SUM_H

#include <stddef.h>
#include <stdint.h>

/* The exact sum of a[0..n) (0 for n == 0), computed by `threads` threads in
 * all: start threads - 1 with pthread_create and let the caller do a share,
 * or start `threads` and wait. Every thread started is joined before
 * returning. threads == 0 counts as 1, more than 64 may count as 64, and
 * with fewer elements than threads fewer threads may be started. a is not
 * modified.
 * No data race: no variable is written by one thread while another reads or
 * writes it, unless a lock or a join orders the two.
 * Target: O(n) work; at most 16 KiB of heap whatever n, all of it freed. */
int64_t parallel_sum(const int32_t *a, size_t n, unsigned threads);

#endif
