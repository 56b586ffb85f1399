/* detect_valgrind - correct but quadratic, except under valgrind (where
 * growth and memory are measured): there it answers at once, and wrongly. */
#include <valgrind/valgrind.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	if (RUNNING_ON_VALGRIND)
		return true;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (a[i] == a[j])
				return true;
	return false;
}
