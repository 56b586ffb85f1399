/* abort - gives up with abort(). */
#include <stdlib.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	(void)a;
	(void)n;
	abort();
}
