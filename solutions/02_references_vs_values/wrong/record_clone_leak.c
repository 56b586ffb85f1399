/* record_clone_leak.c - known wrong: a correct deep copy, but record_free
 * frees the scores and the struct and forgets the name. Must fail memory
 * (the name leaks) only. */
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
	free(r->scores);
	free(r);
}
