/* heap_count.c - linked into the heap-measuring runner only: counts the
 * bytes live on the heap, natively, so that space can be measured at many
 * sizes in one fast run (massif gives the figure at one size, with sites).
 *
 * glibc lets a program replace malloc and its family; its own internal
 * allocations (qsort's buffer, stdio's) then come here too, as they should:
 * they are made on the student's behalf.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void *__libc_memalign(size_t align, size_t size);
extern void __libc_free(void *p);

size_t grader_heap_live, grader_heap_peak;

static void grew(void *p)
{
	if (!p)
		return;
	size_t live = __atomic_add_fetch(&grader_heap_live, malloc_usable_size(p), __ATOMIC_RELAXED);
	size_t peak = __atomic_load_n(&grader_heap_peak, __ATOMIC_RELAXED);
	while (live > peak && !__atomic_compare_exchange_n(&grader_heap_peak, &peak, live, 1,
							   __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

static void shrank(void *p)
{
	if (p)
		__atomic_sub_fetch(&grader_heap_live, malloc_usable_size(p), __ATOMIC_RELAXED);
}

void *malloc(size_t size)
{
	void *p = __libc_malloc(size);
	grew(p);
	return p;
}

void *calloc(size_t count, size_t size)
{
	void *p = __libc_calloc(count, size);
	grew(p);
	return p;
}

void *realloc(void *old, size_t size)
{
	size_t before = old ? malloc_usable_size(old) : 0;
	void *p = __libc_realloc(old, size);
	if (p || !size) {
		__atomic_sub_fetch(&grader_heap_live, before, __ATOMIC_RELAXED);
		grew(p);
	}
	return p;
}

void free(void *p)
{
	shrank(p);
	__libc_free(p);
}

void *memalign(size_t align, size_t size)
{
	void *p = __libc_memalign(align, size);
	grew(p);
	return p;
}

void *aligned_alloc(size_t align, size_t size)
{
	return memalign(align, size);
}

int posix_memalign(void **out, size_t align, size_t size)
{
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	void *p = memalign(align, size);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}

void *valloc(size_t size)
{
	return memalign(4096, size);
}
