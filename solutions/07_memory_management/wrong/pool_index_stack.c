/* pool_index_stack.c - known wrong: keeps the free slots' indices on a
 * separate stack of size_t, capacity entries long. Correct and O(1), but
 * the stack costs 8 bytes per slot, which the free memory of the slots
 * could have held for nothing: 8*n over the budget of capacity*S + 4 KiB,
 * so it must fail memory. */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>

#include "pool.h"

struct pool {
	unsigned char *slots;
	size_t *free_idx;
	size_t nr_free;
	size_t slot_size;
};

struct pool *pool_create(size_t obj_size, size_t capacity)
{
	size_t align = alignof(max_align_t);
	if (!obj_size || !capacity || obj_size > SIZE_MAX - align)
		return NULL;
	size_t slot = (obj_size + align - 1) / align * align;
	if (capacity > SIZE_MAX / slot)
		return NULL;
	struct pool *p = malloc(sizeof(*p));
	if (!p)
		return NULL;
	p->slots = malloc(capacity * slot);
	p->free_idx = malloc(capacity * sizeof(size_t));
	if (!p->slots || !p->free_idx) {
		free(p->slots);
		free(p->free_idx);
		free(p);
		return NULL;
	}
	for (size_t i = 0; i < capacity; i++)
		p->free_idx[i] = capacity - 1 - i;
	p->nr_free = capacity;
	p->slot_size = slot;
	return p;
}

void *pool_alloc(struct pool *p)
{
	if (!p->nr_free)
		return NULL;
	return p->slots + p->free_idx[--p->nr_free] * p->slot_size;
}

void pool_free(struct pool *p, void *obj)
{
	if (!obj)
		return;
	p->free_idx[p->nr_free++] = (size_t)((unsigned char *)obj - p->slots) / p->slot_size;
}

void pool_destroy(struct pool *p)
{
	if (p) {
		free(p->slots);
		free(p->free_idx);
	}
	free(p);
}
