/* gc.c - your solution (topic 07): see README.md */
#include <stdlib.h>

#include "gc.h"

struct gc_object {
	int value;
	/* TODO: the references, a mark, the root flag, a link to the next
	 * object of the heap... */
};

struct gc_heap {
	size_t count;
	/* TODO: a way to reach every object, to sweep them. */
};

struct gc_heap *gc_create(void)
{
	return calloc(1, sizeof(struct gc_heap));
}

void gc_destroy(struct gc_heap *h)
{
	/* TODO: free every object too. */
	free(h);
}

struct gc_object *gc_new_object(struct gc_heap *h, int value)
{
	(void)h;
	(void)value;
	/* TODO */
	return NULL;
}

int gc_value(const struct gc_object *o)
{
	return o->value;
}

bool gc_link(struct gc_object *from, struct gc_object *to)
{
	(void)from;
	(void)to;
	/* TODO */
	return false;
}

bool gc_unlink(struct gc_object *from, struct gc_object *to)
{
	(void)from;
	(void)to;
	/* TODO */
	return false;
}

void gc_root(struct gc_heap *h, struct gc_object *o)
{
	(void)h;
	(void)o;
	/* TODO */
}

void gc_unroot(struct gc_heap *h, struct gc_object *o)
{
	(void)h;
	(void)o;
	/* TODO */
}

size_t gc_collect(struct gc_heap *h)
{
	(void)h;
	/* TODO: mark what the roots reach, then sweep the rest. */
	return 0;
}

size_t gc_count(const struct gc_heap *h)
{
	return h->count;
}
