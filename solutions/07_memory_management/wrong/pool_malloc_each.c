/* pool_malloc_each.c - known wrong: not a pool at all: pool_alloc calls
 * malloc for each object and pool_free calls free, with a counter to
 * enforce the capacity. The tests pass, but pool_destroy cannot free the
 * objects still out, because nothing records them: they leak, and the
 * check must fail memory. */
#include <stdlib.h>

#include "pool.h"

struct pool {
	size_t obj_size;
	size_t capacity;
	size_t out;
};

struct pool *pool_create(size_t obj_size, size_t capacity)
{
	if (!obj_size || !capacity)
		return NULL;
	struct pool *p = malloc(sizeof(*p));
	if (!p)
		return NULL;
	p->obj_size = obj_size;
	p->capacity = capacity;
	p->out = 0;
	return p;
}

void *pool_alloc(struct pool *p)
{
	if (p->out == p->capacity)
		return NULL;
	void *obj = malloc(p->obj_size);
	if (obj)
		p->out++;
	return obj;
}

void pool_free(struct pool *p, void *obj)
{
	if (!obj)
		return;
	free(obj);
	p->out--;
}

void pool_destroy(struct pool *p)
{
	free(p);
}
