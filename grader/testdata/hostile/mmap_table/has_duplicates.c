#include "has_duplicates.h"
#include <sys/mman.h>

/* A 64 MiB open-addressing table from mmap, never unmapped: no malloc,
 * so the heap meter sees nothing. */
#define SLOTS (1u << 24)

bool has_duplicates(const int *a, size_t n)
{
	unsigned *t = mmap(NULL, SLOTS * sizeof(unsigned), PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (t == MAP_FAILED)
		return false;
	for (size_t i = 0; i < SLOTS; i++)
		t[i] = 0;
	bool dup = false;
	for (size_t i = 0; i < n && !dup; i++) {
		unsigned v = (unsigned)a[i], h = (v * 2654435761u) & (SLOTS - 1);
		while (t[h] && !dup) {
			if (t[h] == v + 1)
				dup = true;
			h = (h + 1) & (SLOTS - 1);
		}
		t[h] = v + 1;
	}
	return dup;
}
