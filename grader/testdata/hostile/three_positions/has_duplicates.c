/* three_positions - O(1) and wrong: looks only where the course's fixed
 * tests put their duplicates (first and second, first and last, middle and
 * seventh from the end). Randomised tests and the benchmark's checked
 * answers (a duplicate planted elsewhere) must both catch it. */
#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	if (n < 2)
		return false;
	if (a[0] == a[1] || a[0] == a[n - 1])
		return true;
	return n > 7 && a[n / 2] == a[n - 7];
}
