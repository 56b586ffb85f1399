/* has_duplicates_quadratic.c - known wrong: correct, but compares every pair.
 * Must fail complexity with measured O(n^2). */
#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (a[i] == a[j])
				return true;
	return false;
}
