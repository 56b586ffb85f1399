/* refcount.c - reference solution: a header in front of every object holds
 * its count and its destroy function; the caller's pointer is the first
 * byte after the header. The header is aligned as max_align_t, so its size
 * is a multiple of that alignment and the object after it is aligned for
 * any type too: 16 bytes on x86-64. */
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
	free(hd);
}

size_t rc_count(const void *obj)
{
	return header_of(obj)->count;
}
