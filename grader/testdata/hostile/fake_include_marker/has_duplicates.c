/* A GNU line marker that "enters" a system header: every frame of the
 * function then names that header, and the leak hides from a rule that
 * counts findings by file name. Line directives are refused in every
 * submission file, in every spelling (build.c). */
#include "has_duplicates.h"
#include <stdlib.h>
#include <string.h>
# 1 "/usr/include/x86_64-linux-gnu/bits/stdlib-float.h" 1 3
bool has_duplicates(const int *a, size_t n)
{
	int *c = malloc(32768 + n * sizeof(int));
	bool dup = false;
	if (c)
		memcpy(c, a, n * sizeof(int));
	for (size_t i = 0; c && i < n; i++)
		for (size_t j = i + 1; j < n && !dup; j++)
			dup = c[i] == c[j];
	return dup;
}
