/* binary_string_leak.c - known wrong: builds the digits in a 65-byte heap
 * scratch buffer, copies them into an exact-size result, and forgets the
 * scratch. Correct, but it leaks (and the scratch buffers blow the heap
 * budget): must fail memory only. */
#include <stdlib.h>
#include <string.h>

#include "binary_string.h"

char *binary_string(uint64_t x)
{
	char *scratch = malloc(65);
	if (!scratch)
		return NULL;
	size_t i = 64;
	scratch[i] = '\0';
	do {
		scratch[--i] = (char)('0' + (x & 1));
		x >>= 1;
	} while (x);
	char *s = malloc(65 - i);
	if (s)
		memcpy(s, scratch + i, 65 - i);
	return s;
}
