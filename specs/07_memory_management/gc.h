/* gc.h - topic 07: a mark-and-sweep collector for a small object graph */
#ifndef GC_H
#define GC_H

#include <stdbool.h>
#include <stddef.h>

/* A heap of objects that refer to each other. An object stays alive while
 * it is reachable from a root: rooted itself, or referred to by a live
 * object. Everything else is garbage, cycles included. Memory target: at
 * most 128*n + 64 KiB bytes of heap for n objects with two references
 * each. */
struct gc_heap;
struct gc_object;

/* A new empty heap, or NULL when memory runs out. */
struct gc_heap *gc_create(void);

/* Frees every object of h, reachable or not, and h itself. NULL is allowed
 * and does nothing. */
void gc_destroy(struct gc_heap *h);

/* A new object in h holding value, with no references and not rooted:
 * garbage at the next collection unless something refers to it or it is
 * rooted first. NULL when memory runs out. */
struct gc_object *gc_new_object(struct gc_heap *h, int value);

/* The value the object was made with. */
int gc_value(const struct gc_object *o);

/* Makes from refer to to (both in the same heap; from == to is allowed,
 * and so are several references from one object to another). Returns
 * false, changing nothing, when memory runs out. */
bool gc_link(struct gc_object *from, struct gc_object *to);

/* Removes one reference from from to to. Returns false when there was
 * none. */
bool gc_unlink(struct gc_object *from, struct gc_object *to);

/* Makes o a root, or stops it being one. Rooting is a flag, not a count:
 * rooting twice and unrooting once leaves o unrooted. */
void gc_root(struct gc_heap *h, struct gc_object *o);
void gc_unroot(struct gc_heap *h, struct gc_object *o);

/* Frees every object of h that no root reaches and returns how many were
 * freed; the survivors keep their values and references.
 * Target: O(objects + references) time; the stack stays within 16 KiB
 * however long the chains of references are (no recursion that follows
 * them). */
size_t gc_collect(struct gc_heap *h);

/* The number of objects in h that have not been freed. O(1). */
size_t gc_count(const struct gc_heap *h);

#endif
