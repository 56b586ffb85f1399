/* pool.c - reference solution: one block of capacity slots, each slot
 * obj_size rounded up to the alignment of max_align_t. A free slot holds
 * the address of the next free slot (the free list lives inside the free
 * memory itself, so it costs nothing); slots never handed out yet are
 * taken in order from the untouched tail, so creating the pool is O(1)
 * too. This is how CPython's pymalloc and many kernels' slab allocators
 * work. */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>

#include "pool.h"

struct pool {
	unsigned char *slots;
	size_t slot_size;
	size_t capacity;
	size_t fresh;   /* slots [fresh, capacity) have never been handed out */
	void *free_list; /* given-back slots, each holding the next one's address */
};

struct pool *pool_create(size_t obj_size, size_t capacity)
{
	size_t align = alignof(max_align_t);
	if (!obj_size || !capacity || obj_size > SIZE_MAX - align)
		return NULL;
	size_t slot = (obj_size + align - 1) / align * align;
	if (slot < sizeof(void *))
		slot = sizeof(void *);
	if (capacity > SIZE_MAX / slot)
		return NULL;
	struct pool *p = malloc(sizeof(*p));
	if (!p)
		return NULL;
	p->slots = malloc(capacity * slot);
	if (!p->slots) {
		free(p);
		return NULL;
	}
	p->slot_size = slot;
	p->capacity = capacity;
	p->fresh = 0;
	p->free_list = NULL;
	return p;
}

void *pool_alloc(struct pool *p)
{
	void *obj = p->free_list;
	if (obj) {
		p->free_list = *(void **)obj;
		return obj;
	}
	if (p->fresh == p->capacity)
		return NULL;
	return p->slots + p->fresh++ * p->slot_size;
}

void pool_free(struct pool *p, void *obj)
{
	if (!obj)
		return;
	*(void **)obj = p->free_list;
	p->free_list = obj;
}

void pool_destroy(struct pool *p)
{
	if (p)
		free(p->slots);
	free(p);
}
