/* pool_scan.c - known wrong: one bit per slot marks it used, and
 * pool_alloc looks for the first clear bit from the start. Correct and
 * small (capacity/8 bytes of bitmap), but an allocation in a nearly full
 * pool scans nearly all of it: O(n) per pool_alloc, O(n^2) for the
 * benchmark. Must fail complexity. */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>

#include "pool.h"

struct pool {
	unsigned char *slots;
	unsigned char *used; /* one bit per slot */
	size_t slot_size;
	size_t capacity;
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
	p->used = calloc((capacity + 7) / 8, 1);
	if (!p->slots || !p->used) {
		free(p->slots);
		free(p->used);
		free(p);
		return NULL;
	}
	p->slot_size = slot;
	p->capacity = capacity;
	return p;
}

void *pool_alloc(struct pool *p)
{
	for (size_t i = 0; i < p->capacity; i++) {
		if (!(p->used[i / 8] & (1u << (i % 8)))) {
			p->used[i / 8] |= (unsigned char)(1u << (i % 8));
			return p->slots + i * p->slot_size;
		}
	}
	return NULL;
}

void pool_free(struct pool *p, void *obj)
{
	if (!obj)
		return;
	size_t i = (size_t)((unsigned char *)obj - p->slots) / p->slot_size;
	p->used[i / 8] &= (unsigned char)~(1u << (i % 8));
}

void pool_destroy(struct pool *p)
{
	if (p) {
		free(p->slots);
		free(p->used);
	}
	free(p);
}
