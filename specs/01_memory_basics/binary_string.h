/* binary_string.h - topic 01: a result that outlives the call */
#ifndef BINARY_STRING_H
#define BINARY_STRING_H

#include <stdint.h>

/* x written in base 2, most significant digit first and without leading
 * zeros ("0" for 0, "101" for 5), as a new string that the caller owns and
 * releases with free(); every call returns a string of its own. Returns
 * NULL when out of memory. Target: O(1) time (at most 64 digits); exactly
 * as many heap bytes as the string needs (its digits and the '\0'); O(1)
 * stack. */
char *binary_string(uint64_t x);

#endif
