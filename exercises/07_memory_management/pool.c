/* pool.c - your solution (topic 07): see README.md */
#include <stdlib.h>

#include "pool.h"

struct pool {
	size_t obj_size;
	/* TODO: the block of slots, the free list, whatever else you need. */
};

struct pool *pool_create(size_t obj_size, size_t capacity)
{
	(void)obj_size;
	(void)capacity;
	/* TODO: reserve room for capacity objects, each slot aligned. */
	return NULL;
}

void *pool_alloc(struct pool *p)
{
	(void)p;
	/* TODO: take a free slot in O(1). */
	return NULL;
}

void pool_free(struct pool *p, void *obj)
{
	(void)p;
	(void)obj;
	/* TODO: give the slot back in O(1). */
}

void pool_destroy(struct pool *p)
{
	free(p);
}
