/* count_common_broken.c - known wrong: does not compile (a missing
 * semicolon). Must fail build while the other exercise is still graded. */
#include "count_common.h"

size_t count_common(const int *a, size_t na, const int *b, size_t nb)
{
	size_t common = 0
	(void)a; (void)na; (void)b; (void)nb;
	return common;
}
