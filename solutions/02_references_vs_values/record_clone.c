/* record_clone.c - reference solution: a new struct, and a new block for
 * each pointer member, so that nothing is shared with the original. */
#include <stdlib.h>
#include <string.h>

#include "record_clone.h"

struct record *record_clone(const struct record *r)
{
	struct record *c = malloc(sizeof(*c));
	if (!c)
		return NULL;
	size_t len = strlen(r->name);
	c->nscores = r->nscores;
	c->scores = NULL;
	c->name = malloc(len + 1);
	if (!c->name)
		goto fail;
	memcpy(c->name, r->name, len + 1);
	if (r->nscores) {
		c->scores = malloc(r->nscores * sizeof(*c->scores));
		if (!c->scores)
			goto fail;
		memcpy(c->scores, r->scores, r->nscores * sizeof(*c->scores));
	}
	return c;

fail:
	free(c->name);
	free(c);
	return NULL;
}

void record_free(struct record *r)
{
	if (!r)
		return;
	free(r->name);
	free(r->scores);
	free(r);
}
