/* binary_string_max.c - known wrong: allocates room for the longest
 * possible string (65 bytes) whatever x is. Correct and frees nothing
 * wrongly, but three times the heap that 20-digit strings need: must fail
 * memory (the heap budget) only. */
#include <stdlib.h>

#include "binary_string.h"

char *binary_string(uint64_t x)
{
	char *s = malloc(65);
	if (!s)
		return NULL;
	char digits[64];
	size_t len = 0;
	do {
		digits[len++] = (char)('0' + (x & 1));
		x >>= 1;
	} while (x);
	for (size_t i = 0; i < len; i++)
		s[i] = digits[len - 1 - i];
	s[len] = '\0';
	return s;
}
