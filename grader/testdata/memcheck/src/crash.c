/* has_duplicates_crash.c - known wrong: dereferences a null pointer when the
 * input has more than one element. Must fail its tests as crashed (SIGSEGV)
 * while grading goes on. */
#include <stddef.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	volatile int *nowhere = NULL;
	if (n > 1)
		return a[0] == *nowhere;
	return false;
}
