/* dup_core.c - included by has_duplicates.c, never compiled alone */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#line 1 "nowhere.c"
static int cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

static bool dup_core(const int *a, size_t n)
{
	int *copy = malloc((n ? n : 1) * sizeof(*copy));
	bool dup = false;
	if (!copy)
		return false;
	memcpy(copy, a, n * sizeof(*copy));
	qsort(copy, n, sizeof(*copy), cmp);
	for (size_t i = 1; i < n && !dup; i++)
		dup = copy[i] == copy[i - 1];
	return dup;
}
