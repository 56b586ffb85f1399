#include <stdlib.h>
#include <string.h>
#include "has_duplicates.h"
#include "dup_impl.h"

static int cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* Sorts a copy it never frees, and reads one past its end. */
bool has_duplicates(const int *a, size_t n)
{
	int *c = malloc((n + 1) * sizeof(int));
	if (!c)
		return false;
	memcpy(c, a, n * sizeof(int));
	qsort(c, n, sizeof(int), cmp);
	volatile int past = 0;
	(void)past;
	for (size_t i = 1; i < n; i++)
		if (c[i] == c[i - 1])
			return true;
	return false;
}

bool dup_scan(const int *a, size_t n)
{
	return has_duplicates(a, n);
}
