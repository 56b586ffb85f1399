/* Copies kept on a static list: still reachable at exit, so memcheck used
 * to call it fine. Memory a per-call function keeps after it returns is
 * lost to a caller that calls again: it counts as a leak (memory.c). */
#include "has_duplicates.h"
#include <stdlib.h>
#include <string.h>

struct copy { struct copy *next; int *a; };
static struct copy *kept;

static int cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* Sorts a copy and keeps it on a static list: still reachable at exit. */
bool has_duplicates(const int *a, size_t n)
{
	struct copy *c = malloc(sizeof(*c));
	if (!c)
		return false;
	c->a = malloc((n ? n : 1) * sizeof(int));
	memcpy(c->a, a, n * sizeof(int));
	c->next = kept;
	kept = c;
	qsort(c->a, n, sizeof(int), cmp);
	for (size_t i = 1; i < n; i++)
		if (c->a[i] == c->a[i - 1])
			return true;
	return false;
}
