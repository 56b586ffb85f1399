/* binary_string_local.c - known wrong: builds the digits in a local array
 * and returns a pointer to it. The array dies when the function returns:
 * the caller reads a dead stack frame and frees memory that malloc never
 * handed out. Must fail tests and memory. */
#include <stddef.h>

#include "binary_string.h"

/* Returns p unchanged: hides from the compiler that p is a local address. */
static char *pass(char *p)
{
	static char *volatile last;
	last = p;
	return last;
}

char *binary_string(uint64_t x)
{
	char buf[65];
	size_t i = sizeof(buf) - 1;

	buf[i] = '\0';
	do {
		buf[--i] = (char)('0' + (x & 1));
		x >>= 1;
	} while (x);
	return pass(buf + i);
}
