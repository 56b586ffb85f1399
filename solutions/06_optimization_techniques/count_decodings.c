/* count_decodings.c - reference solution: the ways to decode digits[i..]
 * depend only on i, so each is worked out once. The memo table of the
 * recursion, filled from the end, needs only its two latest entries:
 * O(n) time, no heap. */
#include <stddef.h>

#include "count_decodings.h"

uint64_t count_decodings(const char *digits)
{
	size_t n = 0;
	while (digits[n])
		n++;

	/* ways1 = decodings of digits[i+1..], ways2 = of digits[i+2..] */
	uint64_t ways1 = 1, ways2 = 0;
	for (size_t i = n; i-- > 0;) {
		uint64_t ways = 0;
		if (digits[i] != '0') {
			ways = ways1;
			if (i + 1 < n && (digits[i] == '1' || (digits[i] == '2' && digits[i + 1] <= '6')))
				ways += ways2;
		}
		ways2 = ways1;
		ways1 = ways;
	}
	return ways1;
}
