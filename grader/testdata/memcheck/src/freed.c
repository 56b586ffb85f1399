/* has_duplicates.c - uses its copy after freeing it, then frees it again */
#include <stdlib.h>
#include <string.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	int *copy = malloc(n * sizeof(*copy));
	if (!copy)
		return false;
	memcpy(copy, a, n * sizeof(*copy));
	free(copy);
	bool found = false;
	for (size_t i = 1; i < n; i++)
		found |= copy[i] == copy[i - 1];
	free(copy);
	return found;
}
