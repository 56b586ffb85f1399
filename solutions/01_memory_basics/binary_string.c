/* binary_string.c - reference solution: count the digits, allocate exactly
 * that many bytes plus one, fill from the last digit backwards. */
#include <stdlib.h>

#include "binary_string.h"

char *binary_string(uint64_t x)
{
	size_t digits = 1;
	for (uint64_t rest = x >> 1; rest; rest >>= 1)
		digits++;

	char *s = malloc(digits + 1);
	if (!s)
		return NULL;
	s[digits] = '\0';
	for (size_t i = digits; i > 0; i--, x >>= 1)
		s[i - 1] = (char)('0' + (x & 1));
	return s;
}
