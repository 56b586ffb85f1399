/* A bitmap over every int in static memory: 512 MiB that the heap meter
 * alone never sees. The static data of the objects counts (memory.c). */
#include "has_duplicates.h"
#include <string.h>

/* One bit per possible int: 512 MiB of static memory, O(n) time. */
static unsigned char seen[1u << 29];

bool has_duplicates(const int *a, size_t n)
{
	bool dup = false;
	for (size_t i = 0; i < n; i++) {
		unsigned u = (unsigned)a[i];
		if (seen[u >> 3] & (1u << (u & 7)))
			dup = true;
		seen[u >> 3] |= (unsigned char)(1u << (u & 7));
	}
	for (size_t i = 0; i < n; i++) {
		unsigned u = (unsigned)a[i];
		seen[u >> 3] = 0;
	}
	return dup;
}
