/* A bitmap over every int, but only when the input holds both INT_MIN and
 * INT_MAX: 512 MiB on a test's extreme values, never at the benchmark's
 * (whose values almost never reach both ends), where it sorts a copy
 * within its budget. The tests' own heap peak must count. */
#include <limits.h>
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
	int lo = INT_MAX, hi = INT_MIN;
	for (size_t i = 0; i < n; i++) {
		lo = a[i] < lo ? a[i] : lo;
		hi = a[i] > hi ? a[i] : hi;
	}
	bool dup = false;
	if (n > 1 && lo == INT_MIN && hi == INT_MAX) {
		uint8_t *seen = calloc((size_t)1 << 29, 1);
		if (!seen)
			return false;
		for (size_t i = 0; i < n && !dup; i++) {
			uint32_t v = (uint32_t)a[i];
			dup = seen[v >> 3] & (1u << (v & 7));
			seen[v >> 3] |= (uint8_t)(1u << (v & 7));
		}
		free(seen);
		return dup;
	}
	int *copy = malloc((n ? n : 1) * sizeof(*copy));
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
