/* sort_ints_qsort.c - also correct: the C library's qsort. glibc's qsort is
 * a merge sort that borrows a buffer of n elements (4*n bytes here), which
 * the 4*n + 64 KiB budget allows. The comparison avoids x - y, which
 * overflows for values far apart. */
#include <stdlib.h>

#include "sort_ints.h"

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

void sort_ints(int *a, size_t n)
{
	if (n > 1)
		qsort(a, n, sizeof(*a), cmp_int);
}
