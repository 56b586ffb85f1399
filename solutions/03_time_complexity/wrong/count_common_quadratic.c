/* count_common_quadratic.c - known wrong: for each value of a, scans a and b.
 * Correct, but O(n^2): must fail complexity. */
#include <stdbool.h>

#include "count_common.h"

size_t count_common(const int *a, size_t na, const int *b, size_t nb)
{
	size_t common = 0;
	for (size_t i = 0; i < na; i++) {
		bool seen = false;
		for (size_t k = 0; k < i && !seen; k++)
			seen = a[k] == a[i];
		if (seen)
			continue;
		for (size_t j = 0; j < nb; j++) {
			if (b[j] == a[i]) {
				common++;
				break;
			}
		}
	}
	return common;
}
