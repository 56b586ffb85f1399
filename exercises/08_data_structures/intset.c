/* intset.c - your solution (topic 08): see README.md */
#include <stdlib.h>

#include "intset.h"

struct intset {
	size_t size;
	/* TODO: the table, its capacity, whatever else you need. */
};

struct intset *intset_new(void)
{
	return calloc(1, sizeof(struct intset));
}

void intset_free(struct intset *s)
{
	free(s);
}

int intset_add(struct intset *s, int x)
{
	(void)s;
	(void)x;
	/* TODO: hash x to a slot; add it unless it is there already. */
	return -1;
}

bool intset_contains(const struct intset *s, int x)
{
	(void)s;
	(void)x;
	/* TODO */
	return false;
}

bool intset_remove(struct intset *s, int x)
{
	(void)s;
	(void)x;
	/* TODO: careful: later lookups must still find what lies past x. */
	return false;
}

size_t intset_size(const struct intset *s)
{
	return s->size;
}
