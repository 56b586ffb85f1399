/* test_refcount.c - correctness of rc_new, rc_retain, rc_release, rc_count */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdlib.h>
#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "refcount.h"

#include "test_heap.h"
#include "test_random.h"

/* Each test names the n of the objects it makes (test_heap.h): the heap
 * held from before the first is made to after the last is freed is held
 * to the budget at that n. The benchmark's n counts objects of 32 bytes,
 * each allowed 32 more of bookkeeping (64*n in the budget): an object of
 * up to 32 bytes counts as one, a larger one as the 64-byte units its
 * bytes and bookkeeping fill, so that it is allowed what refcount.h
 * allows it. */
static size_t as_n(size_t size)
{
	return (size + 32 + 63) / 64;
}

/* What destroy saw: how many calls, the objects in order, and the first
 * byte of each object at the time (the object must still be intact). */
static size_t destroyed;
static void *destroyed_obj[200];
static unsigned char destroyed_byte[200];

static void record_destroy(void *obj)
{
	if (destroyed < 200) {
		destroyed_obj[destroyed] = obj;
		destroyed_byte[destroyed] = *(unsigned char *)obj;
	}
	destroyed++;
}

static void *new_object(size_t size, void (*destroy)(void *))
{
	void *obj = rc_new(size, destroy);
	cr_assert_not_null(obj, "expected rc_new(%zu, ...) to return an object, got NULL", size);
	return obj;
}

Test(refcount, new_object_has_one_reference)
{
	heap_input(as_n(16));
	void *obj = new_object(16, record_destroy);
	cr_assert_eq(rc_count(obj), 1, "expected a count of 1 after rc_new, got %zu", rc_count(obj));
	cr_assert_eq(destroyed, 0, "expected destroy not to be called by rc_new");
	rc_release(obj);
	heap_input_done();
	cr_assert_eq(destroyed, 1, "expected destroy to be called once by the only release, got %zu",
		     destroyed);
}

Test(refcount, retain_returns_the_object_and_counts)
{
	heap_input(as_n(8));
	char *obj = new_object(8, NULL);
	void *same = rc_retain(obj);
	cr_assert_eq(same, (void *)obj, "expected rc_retain to return its argument %p, got %p",
		     (void *)obj, same);
	cr_assert_eq(rc_count(obj), 2, "expected a count of 2 after one retain, got %zu", rc_count(obj));
	rc_retain(obj);
	cr_assert_eq(rc_count(obj), 3, "expected a count of 3 after two retains, got %zu", rc_count(obj));
	rc_release(obj);
	cr_assert_eq(rc_count(obj), 2, "expected a count of 2 after a release, got %zu", rc_count(obj));
	rc_release(obj);
	rc_release(obj);
	heap_input_done();
}

Test(refcount, destroy_runs_once_at_the_last_release)
{
	heap_input(as_n(32));
	unsigned char *obj = new_object(32, record_destroy);
	obj[0] = 0xab;
	rc_retain(obj);
	rc_retain(obj);
	rc_release(obj);
	rc_release(obj);
	cr_assert_eq(destroyed, 0, "expected no destroy while a reference remains, got %zu calls",
		     destroyed);
	cr_assert_eq(rc_count(obj), 1, "expected a count of 1, got %zu", rc_count(obj));
	rc_release(obj);
	heap_input_done();
	cr_assert_eq(destroyed, 1, "expected exactly one destroy call, got %zu", destroyed);
	cr_assert_eq(destroyed_obj[0], (void *)obj, "expected destroy to get the object %p, got %p",
		     (void *)obj, destroyed_obj[0]);
	cr_assert_eq(destroyed_byte[0], 0xab,
		     "expected the object intact when destroy runs (first byte 0xab), got 0x%02x",
		     destroyed_byte[0]);
}

Test(refcount, null_is_ignored)
{
	heap_input(as_n(1));
	void *obj = new_object(1, record_destroy);
	cr_assert_null(rc_retain(NULL), "expected rc_retain(NULL) to return NULL");
	rc_release(NULL);
	cr_assert_eq(rc_count(obj), 1, "expected NULL retains and releases to leave other counts alone");
	cr_assert_eq(destroyed, 0, "expected rc_release(NULL) to destroy nothing, got %zu calls", destroyed);
	rc_release(obj);
	heap_input_done();
}

Test(refcount, payload_is_aligned_and_separate_from_the_count)
{
	for (size_t size = 0; size <= 72; size++) {
		heap_input(as_n(size));
		unsigned char *obj = new_object(size, NULL);
		cr_assert_eq((uintptr_t)obj % alignof(max_align_t), 0,
			     "expected rc_new(%zu) to return a pointer aligned to %zu bytes, got %p", size,
			     (size_t)alignof(max_align_t), (void *)obj);
		memset(obj, 0xff, size);
		rc_retain(obj);
		cr_assert_eq(rc_count(obj), 2,
			     "expected a count of 2 after filling the %zu payload bytes and one retain, got %zu",
			     size, rc_count(obj));
		rc_release(obj);
		for (size_t i = 0; i < size; i++)
			cr_assert_eq(obj[i], 0xff, "expected payload byte %zu of %zu untouched, got 0x%02x", i,
				     size, obj[i]);
		rc_release(obj);
		heap_input_done();
	}
}

Test(refcount, objects_count_independently)
{
	heap_input(2 * as_n(4));
	void *a = new_object(4, record_destroy), *b = new_object(4, record_destroy);
	*(unsigned char *)a = 'a';
	*(unsigned char *)b = 'b';
	rc_retain(a);
	rc_retain(a);
	cr_assert_eq(rc_count(b), 1, "expected b's count to stay 1 while a is retained, got %zu",
		     rc_count(b));
	rc_release(b);
	cr_assert_eq(destroyed, 1, "expected one destroy (b's), got %zu", destroyed);
	cr_assert_eq(destroyed_byte[0], 'b', "expected b to be destroyed first, got '%c'",
		     destroyed_byte[0]);
	cr_assert_eq(rc_count(a), 3, "expected a's count to be 3, got %zu", rc_count(a));
	rc_release(a);
	rc_release(a);
	rc_release(a);
	heap_input_done();
	cr_assert_eq(destroyed, 2, "expected two destroys in all, got %zu", destroyed);
}

Test(refcount, many_references)
{
	heap_input(as_n(64));
	void *obj = new_object(64, record_destroy);
	for (size_t i = 1; i <= 1000; i++) {
		rc_retain(obj);
		cr_assert_eq(rc_count(obj), i + 1, "expected a count of %zu after %zu retains, got %zu",
			     i + 1, i, rc_count(obj));
	}
	for (size_t i = 1000; i >= 1; i--) {
		rc_release(obj);
		cr_assert_eq(rc_count(obj), i, "expected a count of %zu, got %zu", i, rc_count(obj));
		cr_assert_eq(destroyed, 0, "expected no destroy with %zu references left", i);
	}
	rc_release(obj);
	heap_input_done();
	cr_assert_eq(destroyed, 1, "expected one destroy after the last release, got %zu", destroyed);
}

/* A list in which each node holds a reference to the next: releasing the
 * head frees the whole chain, from destroy calling rc_release. */
struct link {
	struct link *next;
	unsigned char tag;
};

static size_t unlinked;
static unsigned char unlinked_tags[100];

static void link_destroy(void *obj)
{
	struct link *l = obj;
	if (unlinked < 100)
		unlinked_tags[unlinked] = l->tag;
	unlinked++;
	rc_release(l->next);
}

Test(refcount, destroy_may_release_other_objects)
{
	struct link *head = NULL;
	heap_input(100 * as_n(sizeof(*head)));
	for (int i = 99; i >= 0; i--) {
		struct link *l = new_object(sizeof(*l), link_destroy);
		l->next = head; /* takes over our reference to head */
		l->tag = (unsigned char)i;
		head = l;
	}
	struct link *tail_half = rc_retain(head->next->next);
	rc_release(head);
	cr_assert_eq(unlinked, 2, "expected the two nodes before the retained one destroyed, got %zu",
		     unlinked);
	cr_assert_eq(rc_count(tail_half), 1, "expected the retained node's count to drop to 1, got %zu",
		     rc_count(tail_half));
	rc_release(tail_half);
	heap_input_done();
	cr_assert_eq(unlinked, 100, "expected all 100 nodes destroyed, got %zu", unlinked);
	for (unsigned i = 0; i < 100; i++)
		cr_assert_eq(unlinked_tags[i], i, "expected node %u destroyed in turn %u, got node %u", i, i,
			     unlinked_tags[i]);
}

static size_t random_freed;

static void count_destroy(void *obj)
{
	(void)obj;
	random_freed++;
}

/* Up to 100 objects, random retains and releases (never past the last
 * reference), counts checked against a table; each object must be
 * destroyed exactly when its count reaches 0. */
Test(refcount, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 40; round++) {
		size_t n = 1 + (size_t)(rnd() % 100), gone = 0, objects = 0;
		void *o[100];
		size_t count[100], size[100];
		random_freed = 0;
		/* The sizes first, for the n of the objects (as_n). */
		for (size_t i = 0; i < n; i++)
			objects += as_n(size[i] = (size_t)(rnd() % 64));
		heap_input(objects);
		for (size_t i = 0; i < n; i++) {
			o[i] = new_object(size[i], count_destroy);
			count[i] = 1;
		}
		for (int op = 0; op < 2000 && gone < n; op++) {
			size_t i = (size_t)(rnd() % n);
			if (!count[i])
				continue;
			if (rnd() % 2) {
				cr_assert_eq(rc_retain(o[i]), o[i], "random case %d (seed %llu): rc_retain did not return the object",
					     round, (unsigned long long)seed);
				count[i]++;
			} else {
				rc_release(o[i]);
				gone += --count[i] == 0;
			}
			cr_assert_eq(random_freed, gone, "random case %d (seed %llu), operation %d: expected %zu objects destroyed, got %zu",
				     round, (unsigned long long)seed, op, gone, random_freed);
			if (count[i])
				cr_assert_eq(rc_count(o[i]), count[i], "random case %d (seed %llu), operation %d: expected count %zu, got %zu",
					     round, (unsigned long long)seed, op, count[i], rc_count(o[i]));
		}
		for (size_t i = 0; i < n; i++)
			while (count[i]--)
				rc_release(o[i]);
		heap_input_done();
		cr_assert_eq(random_freed, n, "random case %d (seed %llu): expected all %zu objects destroyed, got %zu",
			     round, (unsigned long long)seed, n, random_freed);
	}
}
