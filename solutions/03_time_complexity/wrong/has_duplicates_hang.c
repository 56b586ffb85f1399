/* has_duplicates_hang.c - known wrong: never returns when the input has more
 * than one element. Must fail its tests as timed out; with no test that
 * finished, growth and memory are not measured (no wait for their limits). */
#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	volatile size_t spin = 0;
	while (n > 1)
		spin += (size_t)a[0];
	return false;
}
