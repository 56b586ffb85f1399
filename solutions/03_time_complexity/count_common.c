/* count_common.c - reference solution: sort copies of both arrays, then walk
 * them together like a merge. O(n log n) time, 4*n bytes of copies. */
#include <stdlib.h>
#include <string.h>

#include "count_common.h"

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

static int *sorted_copy(const int *a, size_t n)
{
	int *copy = malloc((n ? n : 1) * sizeof(*copy));
	if (copy && n) {
		memcpy(copy, a, n * sizeof(*copy));
		qsort(copy, n, sizeof(*copy), cmp_int);
	}
	return copy;
}

size_t count_common(const int *a, size_t na, const int *b, size_t nb)
{
	int *sa = sorted_copy(a, na), *sb = sorted_copy(b, nb);
	size_t i = 0, j = 0, common = 0;

	while (sa && sb && i < na && j < nb) {
		if (sa[i] < sb[j]) {
			i++;
		} else if (sb[j] < sa[i]) {
			j++;
		} else {
			int v = sa[i];
			common++;
			while (i < na && sa[i] == v)
				i++;
			while (j < nb && sb[j] == v)
				j++;
		}
	}
	free(sa);
	free(sb);
	return common;
}
