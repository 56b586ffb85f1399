/* record_clone_shallow.c - known wrong: copies the struct and nothing else,
 * so the copy's name and scores are the original's blocks. Freeing the copy
 * frees the original's data: must fail tests and memory. */
#include <stdlib.h>

#include "record_clone.h"

struct record *record_clone(const struct record *r)
{
	struct record *c = malloc(sizeof(*c));
	if (c)
		*c = *r;
	return c;
}

void record_free(struct record *r)
{
	if (!r)
		return;
	free(r->name);
	free(r->scores);
	free(r);
}
