/* pool.h - topic 07: a pool allocator for objects of one size */
#ifndef POOL_H
#define POOL_H

#include <stddef.h>

/* A pool hands out fixed-size objects from memory it reserved up front. */
struct pool;

/* A pool of capacity objects of obj_size bytes each. Returns NULL when
 * obj_size or capacity is 0, or when memory runs out.
 * Memory target: at most capacity * S + 4 KiB bytes of heap in all, where S
 * is obj_size rounded up to a multiple of 16 (and at least 16): besides
 * the objects themselves, bookkeeping may not grow with capacity. */
struct pool *pool_create(size_t obj_size, size_t capacity);

/* An object of obj_size bytes, aligned for any type, its bytes
 * uninitialised; NULL when capacity objects are already allocated.
 * Target: O(1). */
void *pool_alloc(struct pool *p);

/* Gives obj, which pool_alloc(p) returned, back to p for reuse. NULL is
 * allowed and does nothing. Target: O(1). */
void pool_free(struct pool *p, void *obj);

/* Frees p and all its memory, including objects not yet given back: they
 * must not be used afterwards. NULL is allowed and does nothing. */
void pool_destroy(struct pool *p);

#endif
