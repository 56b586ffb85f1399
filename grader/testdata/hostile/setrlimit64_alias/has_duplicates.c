/* setrlimit64_alias - lifts its own limits through setrlimit64(), the C
 * library's 64-bit alias of setrlimit(): a name no build rule lists, even
 * after stripping underscores and "libc_". It then asks for more memory
 * than the run may have, and answers with a sorted copy. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "has_duplicates.h"

static int cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

bool has_duplicates(const int *a, size_t n)
{
	struct rlimit64 unlimited = { RLIM64_INFINITY, RLIM64_INFINITY };
	setrlimit64(RLIMIT_AS, &unlimited);
	setrlimit64(RLIMIT_CPU, &unlimited);
	int *copy = malloc(n * sizeof(*copy) + 1);
	if (!copy)
		return false;
	memcpy(copy, a, n * sizeof(*copy));
	qsort(copy, n, sizeof(*copy), cmp);
	bool dup = false;
	for (size_t i = 0; i + 1 < n && !dup; i++)
		dup = copy[i] == copy[i + 1];
	free(copy);
	return dup;
}
