/* most_frequent_table.c - known wrong: one counter per possible value
 * between the smallest and the largest. Correct and O(n + range) while the
 * range is small, but the range is not bounded by n: with the benchmark's
 * values spread over 64*n it needs 256*n bytes of counters, over
 * 24*n + 64 KiB, and with INT_MIN and INT_MAX in one array it asks for
 * 16 GiB, which fails, so it returns 0. Must fail memory and tests. */
#include <stdint.h>
#include <stdlib.h>

#include "most_frequent.h"

size_t most_frequent(const int *a, size_t n, int *value)
{
	if (!n)
		return 0;
	int lo = a[0], hi = a[0];
	for (size_t i = 1; i < n; i++) {
		if (a[i] < lo)
			lo = a[i];
		if (a[i] > hi)
			hi = a[i];
	}
	size_t range = (size_t)((int64_t)hi - (int64_t)lo) + 1;
	uint32_t *count = calloc(range, sizeof(*count));
	if (!count)
		return 0;
	for (size_t i = 0; i < n; i++)
		count[(size_t)((int64_t)a[i] - lo)]++;
	size_t best = 0;
	for (size_t v = 0; v < range; v++) {
		if (count[v] > best) {
			best = count[v];
			*value = (int)((int64_t)lo + (int64_t)v);
		}
	}
	free(count);
	return best;
}
