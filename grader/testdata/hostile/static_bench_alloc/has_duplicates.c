/* A static function named like the harness's input allocator: massif
 * leaves out what "bench_alloc" allocates, by name. A submission may not
 * take such a name even as a static one (build.c). */
#include "has_duplicates.h"
#include <stdlib.h>
#include <string.h>

static void *bench_alloc(size_t bytes)
{
	return calloc(1, bytes);
}

bool has_duplicates(const int *a, size_t n)
{
	unsigned char *seen = bench_alloc((size_t)64 << 20);
	bool dup = false;
	for (size_t i = 0; i < n && seen; i++) {
		unsigned u = (unsigned)a[i] & ((64u << 23) - 1);
		if (seen[u >> 3] & (1u << (u & 7)))
			for (size_t j = 0; j < i; j++)
				dup |= a[j] == a[i];
		seen[u >> 3] |= (unsigned char)(1u << (u & 7));
	}
	free(seen);
	return dup;
}
