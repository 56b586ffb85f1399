/* has_duplicates_oob.c - known wrong: sorts a copy correctly, but for a
 * single element it reads a[1], one past the end. The answer does not
 * depend on it and the driver never uses n = 1, so only memcheck over the
 * tests can catch it, naming the test. */
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
	if (n == 0)
		return false;
	if (n == 1) {
		/* looks at the neighbour that is not there; the answer does
		 * not depend on it, so every test passes */
		volatile int past = a[1];
		(void)past;
		return false;
	}
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
