/* has_duplicates_leak.c - known wrong: sorts a copy and never frees it.
 * Must fail memory with the leak at the malloc line. */
#include <stdlib.h>
#include <string.h>

#include "has_duplicates.h"

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

bool has_duplicates(const int *a, size_t n)
{
	if (n < 2)
		return false;
	int *copy = malloc(n * sizeof(*copy));
	if (!copy)
		return false;
	memcpy(copy, a, n * sizeof(*copy));
	qsort(copy, n, sizeof(*copy), cmp_int);
	for (size_t i = 1; i < n; i++)
		if (copy[i] == copy[i - 1])
			return true;
	return false;
}
