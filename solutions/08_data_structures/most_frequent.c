/* most_frequent.c - reference solution: sort a copy, then the equal values
 * stand in runs; the longest run wins, and scanning in ascending order
 * keeps the smallest value on a tie. O(n log n) time, 4*n bytes of copy
 * plus what qsort needs. */
#include <stdlib.h>
#include <string.h>

#include "most_frequent.h"

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

size_t most_frequent(const int *a, size_t n, int *value)
{
	if (!n)
		return 0;
	int *s = malloc(n * sizeof(*s));
	if (!s)
		return 0;
	memcpy(s, a, n * sizeof(*s));
	qsort(s, n, sizeof(*s), cmp_int);

	size_t best = 0;
	for (size_t i = 0, run; i < n; i += run) {
		for (run = 1; i + run < n && s[i + run] == s[i]; run++)
			;
		if (run > best) {
			best = run;
			*value = s[i];
		}
	}
	free(s);
	return best;
}
