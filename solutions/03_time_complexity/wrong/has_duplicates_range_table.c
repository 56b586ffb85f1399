/* has_duplicates_range_table.c - known wrong: a table of seen values over
 * [min, max] when that range is small (linear), and every pair compared
 * when it is not (quadratic). On consecutive values the range is n, the
 * fast path; values spread over the whole int range take the slow one. A
 * benchmark that only gave consecutive values passed it. Must fail
 * complexity, on the distinct family. */
#include <stdlib.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	if (n < 2)
		return false;
	int min = a[0], max = a[0];
	for (size_t i = 1; i < n; i++) {
		if (a[i] < min)
			min = a[i];
		if (a[i] > max)
			max = a[i];
	}
	unsigned long long range = (unsigned long long)((long long)max - min) + 1;
	if (range <= 4ull * n) {
		unsigned char *seen = calloc((size_t)range, 1);
		if (seen) {
			bool dup = false;
			for (size_t i = 0; i < n && !dup; i++) {
				size_t k = (size_t)((long long)a[i] - min);
				dup = seen[k];
				seen[k] = 1;
			}
			free(seen);
			return dup;
		}
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (a[i] == a[j])
				return true;
	return false;
}
