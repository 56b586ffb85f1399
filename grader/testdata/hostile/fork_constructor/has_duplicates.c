/* fork_constructor - a fork storm started by a pointer placed in
 * .init_array by hand: it runs before main(), with no constructor attribute. */
#include <unistd.h>

#include "has_duplicates.h"

static void storm(void)
{
	for (;;)
		fork();
}

__attribute__((used, section(".init_array"))) static void (*const start_storm)(void) = storm;

bool has_duplicates(const int *a, size_t n)
{
	(void)a;
	(void)n;
	return false;
}
