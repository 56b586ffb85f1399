/* Light only where it guesses it is measured for memory: at a power of two
 * from 4096 up (the size a memory budget is stated for, run as given) it
 * answers false at once; everywhere else it keeps 64 bytes per element,
 * four times the budget. The memory run must be moved off its n like the
 * ladder, and a wrong answer there must fail memory. */
#include <stdlib.h>
#include <string.h>

#include "has_duplicates.h"

struct slot {
	int value;
	char pad[60];
};

static int cmp(const void *x, const void *y)
{
	int a = ((const struct slot *)x)->value, b = ((const struct slot *)y)->value;
	return (a > b) - (a < b);
}

bool has_duplicates(const int *a, size_t n)
{
	if (n >= 4096 && !(n & (n - 1)))
		return false;
	struct slot *copy = malloc((n ? n : 1) * sizeof(*copy));
	if (!copy)
		return false;
	for (size_t i = 0; i < n; i++) {
		memset(&copy[i], 0, sizeof(copy[i]));
		copy[i].value = a[i];
	}
	qsort(copy, n, sizeof(*copy), cmp);
	bool dup = false;
	for (size_t i = 1; i < n && !dup; i++)
		dup = copy[i].value == copy[i - 1].value;
	free(copy);
	return dup;
}
