/* refcount_misaligned.c - known wrong: a 24-byte header (count, size,
 * destroy) in front of the object, so the pointer handed out is only
 * 8-byte aligned where malloc's are 16: a long double or an SSE vector
 * stored in the object may fault. Must fail tests (the alignment test);
 * x86-64 forgives the benchmark's 8-byte fields, so the other checks pass. */
#include <stdint.h>
#include <stdlib.h>

#include "refcount.h"

struct header {
	size_t count;
	size_t size;
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
	hd->size = size;
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
	free(hd);
}

size_t rc_count(const void *obj)
{
	return header_of(obj)->count;
}
