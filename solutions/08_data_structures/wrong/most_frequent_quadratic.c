/* most_frequent_quadratic.c - known wrong: counts each value by scanning
 * the whole array again. Correct and allocates nothing, but O(n^2): must
 * fail complexity. */
#include "most_frequent.h"

size_t most_frequent(const int *a, size_t n, int *value)
{
	size_t best = 0;
	for (size_t i = 0; i < n; i++) {
		size_t count = 0;
		for (size_t j = 0; j < n; j++)
			count += a[j] == a[i];
		if (count > best || (count == best && a[i] < *value)) {
			best = count;
			*value = a[i];
		}
	}
	return best;
}
