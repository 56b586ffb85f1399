/* has_duplicates_hog.c - known wrong: a direct-address table over the whole
 * range of values seen, 64 bytes per element at least. Correct and linear,
 * but far over the 16*n + 64 KiB budget: must fail memory. */
#include <stdlib.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	if (n < 2)
		return false;
	/* One 64-byte bucket per slot in a table of 2n slots, open addressing. */
	size_t slots = 2 * n;
	struct bucket {
		int value;
		int used;
		char pad[56];
	} *table = calloc(slots, sizeof(*table));
	if (!table)
		return false;
	bool found = false;
	for (size_t i = 0; i < n && !found; i++) {
		size_t h = ((unsigned)a[i] * 2654435761u) % slots;
		while (table[h].used && table[h].value != a[i])
			h = (h + 1) % slots;
		if (table[h].used)
			found = true;
		table[h].used = 1;
		table[h].value = a[i];
	}
	free(table);
	return found;
}
