/* refcount_no_free.c - known wrong: on the last release it calls destroy but
 * never frees the object. Counts and destroy calls are right, so the tests
 * pass, but every object leaks: must fail memory. */
#include <stdint.h>
#include <stdlib.h>

#include "refcount.h"

struct header {
	_Alignas(max_align_t) size_t count;
	void (*destroy)(void *obj);
};

static struct header *header_of(const void *obj)
{
	return (struct header *)obj - 1;
}

void *rc_new(size_t size, void (*destroy)(void *obj))
{
	if (size > SIZE_MAX - sizeof(struct header))
		return NULL;
	struct header *hd = malloc(sizeof(*hd) + size);
	if (!hd)
		return NULL;
	hd->count = 1;
	hd->destroy = destroy;
	return hd + 1;
}

void *rc_retain(void *obj)
{
	if (obj)
		header_of(obj)->count++;
	return obj;
}

void rc_release(void *obj)
{
	if (!obj)
		return;
	struct header *hd = header_of(obj);
	if (--hd->count)
		return;
	if (hd->destroy)
		hd->destroy(obj);
}

size_t rc_count(const void *obj)
{
	return header_of(obj)->count;
}
