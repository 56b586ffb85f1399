/* count_decodings_zero.c - known wrong: linear, but treats 0 as a letter of
 * its own and every pair of digits up to 26 (such as 06) as a letter.
 * Must fail tests only. */
#include <stddef.h>

#include "count_decodings.h"

uint64_t count_decodings(const char *digits)
{
	size_t n = 0;
	while (digits[n])
		n++;

	uint64_t ways1 = 1, ways2 = 0;
	for (size_t i = n; i-- > 0;) {
		uint64_t ways = ways1;
		if (i + 1 < n && (digits[i] <= '1' || (digits[i] == '2' && digits[i + 1] <= '6')))
			ways += ways2;
		ways2 = ways1;
		ways1 = ways;
	}
	return ways1;
}
