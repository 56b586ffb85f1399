/* 8 MiB of heap on a test's tiny input, after printing 8 KiB (once per
 * test process): the tests' captured output keeps only its first few KiB,
 * and the sanitizer build's report lines come last. They are kept
 * wherever they fall, so the budget still holds at the test's own n. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "has_duplicates.h"

static int cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

bool has_duplicates(const int *a, size_t n)
{
	static int printed;
	if (n < 16) {
		for (int i = 0; i < 128 && !printed; i++)
			printf("%063d\n", i);
		printed = 1;
		char *volatile table = calloc((size_t)8 << 20, 1);
		if (table)
			memset(table, 1, (size_t)8 << 20);
		free(table);
	}
	int *copy = malloc((n ? n : 1) * sizeof(*copy));
	bool dup = false;
	if (!copy)
		return false;
	memcpy(copy, a, n * sizeof(*copy));
	qsort(copy, n, sizeof(*copy), cmp);
	for (size_t i = 1; i < n && !dup; i++)
		dup = copy[i] == copy[i - 1];
	free(copy);
	return dup;
}
