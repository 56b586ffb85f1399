/* has_duplicates.c - reference solution: sort a copy, then look at neighbours.
 * O(n log n) time, 4*n bytes of copy plus what qsort needs. */
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
	bool found = false;
	for (size_t i = 1; i < n && !found; i++)
		found = copy[i] == copy[i - 1];
	free(copy);
	return found;
}
