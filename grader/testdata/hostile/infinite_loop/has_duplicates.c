/* infinite_loop - never returns. */
#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	volatile size_t i = 0;
	(void)a;
	for (;;)
		i += n;
}
