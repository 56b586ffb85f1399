/* count_decodings.h - topic 06: memoisation turns exponential into linear */
#ifndef COUNT_DECODINGS_H
#define COUNT_DECODINGS_H

#include <stdint.h>

/* A message of capital letters is encoded by writing A as 1, B as 2, ...
 * Z as 26, without separators. Returns the number of messages that encode
 * to digits, a string of '0' to '9': 2 for "12" (AB or L), 3 for "226",
 * 0 for "06" (no letter is written 06), 1 for "" (the empty message).
 * The count wraps around modulo 2^64, as uint64_t arithmetic does.
 * digits is not modified. Target: O(n) time for n digits; at most
 * 8*n + 1 KiB bytes of heap, all freed before returning. */
uint64_t count_decodings(const char *digits);

#endif
