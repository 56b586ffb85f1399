/* setsid - leaves its process group and session, then loops for ever. */
#include <unistd.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	volatile size_t i = 0;
	(void)a;
	setsid();
	for (;;)
		i += n;
}
