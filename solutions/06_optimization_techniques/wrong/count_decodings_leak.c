/* count_decodings_leak.c - known wrong: memoised recursion with a malloc'd
 * table of answers, one per suffix, that is never freed. Correct and O(n):
 * must fail memory (the leak) only. */
#include <stdlib.h>
#include <string.h>

#include "count_decodings.h"

#define UNKNOWN UINT64_MAX

static uint64_t from(const char *s, size_t i, uint64_t *memo)
{
	if (s[i] == '\0')
		return 1;
	if (s[i] == '0')
		return 0;
	if (memo[i] != UNKNOWN)
		return memo[i];
	uint64_t ways = from(s, i + 1, memo);
	if (s[i + 1] != '\0' && (s[i] == '1' || (s[i] == '2' && s[i + 1] <= '6')))
		ways += from(s, i + 2, memo);
	return memo[i] = ways;
}

uint64_t count_decodings(const char *digits)
{
	size_t n = strlen(digits);
	uint64_t *memo = malloc((n + 1) * sizeof(*memo));
	if (!memo)
		return 0;
	for (size_t i = 0; i <= n; i++)
		memo[i] = UNKNOWN;
	return from(digits, 0, memo);
}
