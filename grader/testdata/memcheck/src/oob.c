/* has_duplicates.c - off by one: reads past the input, writes past its copy */
#include <stdlib.h>
#include <string.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	int *copy = malloc(n * sizeof(*copy));
	if (!copy)
		return false;
	for (size_t i = 0; i <= n; i++)
		copy[i] = a[i];
	bool found = false;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			found |= copy[i] == copy[j];
	free(copy);
	return found;
}
