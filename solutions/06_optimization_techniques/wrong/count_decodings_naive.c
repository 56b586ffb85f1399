/* count_decodings_naive.c - known wrong: the plain recursion, which decodes
 * the same suffixes again and again (on "1111..." it makes as many calls as
 * the count itself, fib(n + 1)). Correct, but exponential: must fail
 * complexity. */
#include <stddef.h>

#include "count_decodings.h"

static uint64_t from(const char *s)
{
	if (s[0] == '\0')
		return 1;
	if (s[0] == '0')
		return 0;
	uint64_t ways = from(s + 1);
	if (s[1] != '\0' && (s[0] == '1' || (s[0] == '2' && s[1] <= '6')))
		ways += from(s + 2);
	return ways;
}

uint64_t count_decodings(const char *digits)
{
	return from(digits);
}
