/* sort_ints_merge.c - also correct: bottom-up merge sort. Merges runs of
 * width 1, 2, 4, ... back and forth between a and one buffer of n ints:
 * O(n log n) time in every case, exactly 4*n bytes of extra heap. */
#include <stdlib.h>
#include <string.h>

#include "sort_ints.h"

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* Merges the sorted runs src[lo..mid) and src[mid..hi) into dst[lo..hi). */
static void merge(const int *src, int *dst, size_t lo, size_t mid, size_t hi)
{
	size_t i = lo, j = mid, k = lo;

	while (i < mid && j < hi)
		dst[k++] = src[j] < src[i] ? src[j++] : src[i++];
	while (i < mid)
		dst[k++] = src[i++];
	while (j < hi)
		dst[k++] = src[j++];
}

void sort_ints(int *a, size_t n)
{
	if (n < 2)
		return;
	int *buf = malloc(n * sizeof(*buf));
	if (!buf) {
		/* No room for the buffer: qsort manages without one. */
		qsort(a, n, sizeof(*a), cmp_int);
		return;
	}
	int *src = a, *dst = buf;
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = mid + width < n ? mid + width : n;
			merge(src, dst, lo, mid, hi);
		}
		int *t = src;
		src = dst;
		dst = t;
	}
	if (src != a)
		memcpy(a, src, n * sizeof(*a));
	free(buf);
}
