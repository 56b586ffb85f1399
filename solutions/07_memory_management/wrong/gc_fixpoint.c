/* gc_fixpoint.c - known wrong: marks by passes over all objects, each
 * marking the references of what is already marked, until a pass marks
 * nothing new. Correct, no recursion and no extra memory, but a chain of k
 * references can take k passes: O(n^2) on the benchmark's long chain. Must
 * fail complexity. */
#include <stdint.h>
#include <stdlib.h>

#include "gc.h"

struct gc_object {
	struct gc_object *next;  /* in the heap's list of all objects */
	struct gc_object **refs;
	size_t nr_refs, cap_refs;
	int value;
	bool marked, rooted;
};

struct gc_heap {
	struct gc_object *all;
	size_t count;
};

struct gc_heap *gc_create(void)
{
	return calloc(1, sizeof(struct gc_heap));
}

static void free_object(struct gc_object *o)
{
	free(o->refs);
	free(o);
}

void gc_destroy(struct gc_heap *h)
{
	if (!h)
		return;
	for (struct gc_object *o = h->all, *next; o; o = next) {
		next = o->next;
		free_object(o);
	}
	free(h);
}

struct gc_object *gc_new_object(struct gc_heap *h, int value)
{
	struct gc_object *o = calloc(1, sizeof(*o));
	if (!o)
		return NULL;
	o->value = value;
	o->next = h->all;
	h->all = o;
	h->count++;
	return o;
}

int gc_value(const struct gc_object *o)
{
	return o->value;
}

bool gc_link(struct gc_object *from, struct gc_object *to)
{
	if (from->nr_refs == from->cap_refs) {
		size_t cap = from->cap_refs ? 2 * from->cap_refs : 2;
		if (cap > SIZE_MAX / sizeof(*from->refs))
			return false;
		struct gc_object **refs = realloc(from->refs, cap * sizeof(*refs));
		if (!refs)
			return false;
		from->refs = refs;
		from->cap_refs = cap;
	}
	from->refs[from->nr_refs++] = to;
	return true;
}

bool gc_unlink(struct gc_object *from, struct gc_object *to)
{
	for (size_t i = 0; i < from->nr_refs; i++) {
		if (from->refs[i] == to) {
			from->refs[i] = from->refs[--from->nr_refs];
			return true;
		}
	}
	return false;
}

void gc_root(struct gc_heap *h, struct gc_object *o)
{
	(void)h;
	o->rooted = true;
}

void gc_unroot(struct gc_heap *h, struct gc_object *o)
{
	(void)h;
	o->rooted = false;
}

size_t gc_collect(struct gc_heap *h)
{
	for (struct gc_object *o = h->all; o; o = o->next)
		o->marked = o->rooted;
	/* Spread the marks along references until a pass marks nothing new. */
	for (bool changed = true; changed;) {
		changed = false;
		for (struct gc_object *o = h->all; o; o = o->next) {
			if (!o->marked)
				continue;
			for (size_t i = 0; i < o->nr_refs; i++) {
				if (!o->refs[i]->marked) {
					o->refs[i]->marked = true;
					changed = true;
				}
			}
		}
	}

	size_t freed = 0;
	for (struct gc_object **link = &h->all; *link;) {
		struct gc_object *o = *link;
		if (o->marked) {
			o->marked = false;
			link = &o->next;
		} else {
			*link = o->next;
			free_object(o);
			freed++;
		}
	}
	h->count -= freed;
	return freed;
}

size_t gc_count(const struct gc_heap *h)
{
	return h->count;
}
