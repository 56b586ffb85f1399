/* binary_string_static.c - known wrong: builds the digits in a static
 * buffer and returns it. Every call returns the same buffer, so a second
 * call overwrites the first result, and the caller's free() is given
 * memory that malloc never handed out: must fail tests and memory. */
#include <stddef.h>

#include "binary_string.h"

char *binary_string(uint64_t x)
{
	static char buf[65];
	size_t i = sizeof(buf) - 1;

	buf[i] = '\0';
	do {
		buf[--i] = (char)('0' + (x & 1));
		x >>= 1;
	} while (x);
	return buf + i;
}
