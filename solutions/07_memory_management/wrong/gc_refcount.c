/* gc_refcount.c - known wrong: reference counting instead of tracing. Each
 * object counts the references to it; a collection frees the unrooted
 * objects whose count is 0, and the objects that only they referred to,
 * and so on. Fast and small, but a cycle keeps its own counts above 0, so
 * garbage cycles are never freed (until gc_destroy): must fail tests. */
#include <stdint.h>
#include <stdlib.h>

#include "gc.h"

struct gc_object {
	struct gc_object *next, *prev; /* in the heap's list of all objects */
	struct gc_object *dying;       /* in the list of objects to free */
	struct gc_object **refs;
	size_t nr_refs, cap_refs;
	size_t incoming;
	int value;
	bool rooted, queued;
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
	if (h->all)
		h->all->prev = o;
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
	to->incoming++;
	return true;
}

bool gc_unlink(struct gc_object *from, struct gc_object *to)
{
	for (size_t i = 0; i < from->nr_refs; i++) {
		if (from->refs[i] == to) {
			from->refs[i] = from->refs[--from->nr_refs];
			to->incoming--;
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

static void queue(struct gc_object *o, struct gc_object **dying)
{
	if (o->queued || o->rooted || o->incoming)
		return;
	o->queued = true;
	o->dying = *dying;
	*dying = o;
}

size_t gc_collect(struct gc_heap *h)
{
	struct gc_object *dying = NULL;
	size_t freed = 0;
	for (struct gc_object *o = h->all; o; o = o->next)
		queue(o, &dying);
	while (dying) {
		struct gc_object *o = dying;
		dying = o->dying;
		for (size_t i = 0; i < o->nr_refs; i++) {
			o->refs[i]->incoming--;
			queue(o->refs[i], &dying);
		}
		if (o->prev)
			o->prev->next = o->next;
		else
			h->all = o->next;
		if (o->next)
			o->next->prev = o->prev;
		free_object(o);
		freed++;
	}
	h->count -= freed;
	return freed;
}

size_t gc_count(const struct gc_heap *h)
{
	return h->count;
}
