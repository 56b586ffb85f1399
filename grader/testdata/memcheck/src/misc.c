/* has_duplicates.c - overlapping strncpy, a negative size, new/free mismatch */
#include <stdlib.h>
#include <string.h>

#include "has_duplicates.h"

void *_Znwm(size_t size);

bool has_duplicates(const int *a, size_t n)
{
	char *label = malloc(32);
	strcpy(label, "has_duplicates");
	strncpy(label + (a[0] != 12345), label, 8);
	long len = (long)a[0] - (long)a[0] - 1;
	int *more = malloc((size_t)len);
	int *cell = _Znwm(sizeof(int));
	free(cell);
	bool found = label[0] == 'x' || more != NULL || n == 0;
	free(label);
	return found;
}
