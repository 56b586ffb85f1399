/* record_clone_shared_name.c - known wrong: copies the scores but shares the
 * name with the original (half deep). Must fail tests and memory. */
#include <stdlib.h>
#include <string.h>

#include "record_clone.h"

struct record *record_clone(const struct record *r)
{
	struct record *c = malloc(sizeof(*c));
	if (!c)
		return NULL;
	*c = *r;
	c->scores = NULL;
	if (r->nscores) {
		c->scores = malloc(r->nscores * sizeof(*c->scores));
		if (!c->scores) {
			free(c);
			return NULL;
		}
		memcpy(c->scores, r->scores, r->nscores * sizeof(*c->scores));
	}
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
