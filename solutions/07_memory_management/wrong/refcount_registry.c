/* refcount_registry.c - known wrong: also keeps every live object on one
 * global singly linked list ("to report leaks at exit"), and unlinking an
 * object on its last release searches that list from the start. Correct,
 * and the header still fits in 32 bytes, but a release is O(n) in the
 * number of live objects, O(n^2) for the benchmark: must fail complexity. */
#include <stdint.h>
#include <stdlib.h>

#include "refcount.h"

struct header {
	_Alignas(max_align_t) size_t count;
	void (*destroy)(void *obj);
	struct header *next;
};

static struct header *live;

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
	hd->next = live;
	live = hd;
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
	struct header **link = &live;
	while (*link != hd)
		link = &(*link)->next;
	*link = hd->next;
	free(hd);
}

size_t rc_count(const void *obj)
{
	return header_of(obj)->count;
}
