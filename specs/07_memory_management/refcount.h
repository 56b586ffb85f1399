/* refcount.h - topic 07: objects that free themselves when the last
 * reference to them is released */
#ifndef REFCOUNT_H
#define REFCOUNT_H

#include <stddef.h>

/* Allocates an object of size bytes (size may be 0) with a reference count
 * of 1 and returns a pointer to its first byte, aligned for any type (as
 * malloc's are); the bytes are uninitialised. destroy, which may be NULL,
 * is called with the object when its last reference is released, before
 * its memory is freed: it releases whatever the object holds. Returns NULL
 * when memory runs out.
 * Memory target: at most 32 bytes of bookkeeping per object, so n live
 * objects of s bytes take at most n*(s + 32) + 4 KiB bytes of heap. */
void *rc_new(size_t size, void (*destroy)(void *obj));

/* Adds a reference to obj and returns obj. rc_retain(NULL) returns NULL.
 * Target: O(1). */
void *rc_retain(void *obj);

/* Drops a reference to obj. When it was the last one, calls the object's
 * destroy (if any) and frees the object: obj must not be used afterwards.
 * rc_release(NULL) does nothing. Target: O(1) besides what destroy does. */
void rc_release(void *obj);

/* The number of references obj has: 1 after rc_new, one more per
 * rc_retain, one less per rc_release. O(1). */
size_t rc_count(const void *obj);

#endif
