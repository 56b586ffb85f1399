/* test_pool.c - correctness of the pool allocator */
#include <criterion/criterion.h>
#include <limits.h>
#include <stddef.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"

#include "test_heap.h"
#include "test_random.h"

/* Each pool is held to the heap budget at the n of its objects
 * (test_heap.h), from before it is made to after it is destroyed. The
 * benchmark's n is the capacity of a pool of 40-byte objects, 48-byte
 * slots (48*n in the budget): a slot of up to 48 bytes counts as one, a
 * larger one (pool.h: obj_size rounded up to a multiple of 16) as the
 * 48-byte units it fills, so that it is allowed what pool.h allows it. */
static size_t pool_n(size_t obj_size, size_t capacity)
{
	size_t slot = (obj_size + 15) / 16 * 16;
	return capacity * ((slot + 47) / 48);
}

static struct pool *new_pool(size_t obj_size, size_t capacity)
{
	struct pool *p = pool_create(obj_size, capacity);
	cr_assert_not_null(p, "expected pool_create(%zu, %zu) to return a pool, got NULL", obj_size,
			   capacity);
	return p;
}

/* Fills obj with a pattern made from tag. */
static void stamp(void *obj, size_t size, size_t tag)
{
	unsigned char *b = obj;
	for (size_t i = 0; i < size; i++)
		b[i] = (unsigned char)(tag * 31 + i);
}

static void check_stamp(const void *obj, size_t size, size_t tag)
{
	const unsigned char *b = obj;
	for (size_t i = 0; i < size; i++)
		cr_assert_eq(b[i], (unsigned char)(tag * 31 + i),
			     "expected byte %zu of object %zu to keep what was written to it: another "
			     "object or the pool's bookkeeping overlaps it", i, tag);
}

Test(pool, create_rejects_zero_sizes)
{
	heap_input(0);
	struct pool *none = pool_create(0, 10), *empty = pool_create(8, 0);
	heap_input_done();
	cr_assert_null(none, "expected pool_create(0, 10) to return NULL");
	cr_assert_null(empty, "expected pool_create(8, 0) to return NULL");
	heap_input(pool_n(8, 1));
	struct pool *p = new_pool(8, 1);
	pool_destroy(p);
	pool_destroy(NULL);
	heap_input_done();
}

Test(pool, objects_are_aligned_distinct_and_separate)
{
	size_t sizes[] = { 1, 7, 8, 24, 40, 100 };
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		size_t size = sizes[s], cap = 200;
		heap_input(pool_n(size, cap));
		struct pool *p = new_pool(size, cap);
		void *objs[200];
		for (size_t i = 0; i < cap; i++) {
			objs[i] = pool_alloc(p);
			cr_assert_not_null(objs[i], "expected allocation %zu of %zu (size %zu) to succeed", i,
					   cap, size);
			cr_assert_eq((uintptr_t)objs[i] % alignof(max_align_t), 0,
				     "expected objects aligned to %zu bytes, got %p (size %zu)",
				     (size_t)alignof(max_align_t), objs[i], size);
			stamp(objs[i], size, i);
		}
		for (size_t i = 0; i < cap; i++)
			check_stamp(objs[i], size, i);
		pool_destroy(p);
		heap_input_done();
	}
}

Test(pool, alloc_fails_at_capacity_and_free_makes_room)
{
	heap_input(pool_n(16, 10));
	struct pool *p = new_pool(16, 10);
	void *objs[10];
	for (int i = 0; i < 10; i++)
		cr_assert_not_null(objs[i] = pool_alloc(p), "expected allocation %d of 10 to succeed", i);
	cr_assert_null(pool_alloc(p), "expected NULL from a pool whose 10 objects are all out");
	pool_free(p, objs[3]);
	void *again = pool_alloc(p);
	cr_assert_not_null(again, "expected an allocation to succeed after one object was given back");
	cr_assert_null(pool_alloc(p), "expected NULL again once the freed object was taken");
	pool_free(p, NULL);
	cr_assert_null(pool_alloc(p), "expected pool_free(p, NULL) to give nothing back");
	pool_destroy(p);
	heap_input_done();
}

Test(pool, freed_objects_are_reused_without_overlap)
{
	size_t cap = 1000, size = 24;
	/* The test's own array first: only the pool is held to the budget. */
	void **objs = calloc(cap, sizeof(*objs));
	cr_assert_not_null(objs);
	heap_input(pool_n(size, cap));
	struct pool *p = new_pool(size, cap);
	for (int round = 0; round < 20; round++) {
		for (size_t i = 0; i < cap; i++) {
			objs[i] = pool_alloc(p);
			cr_assert_not_null(objs[i], "round %d: expected allocation %zu of %zu to succeed", round,
					   i, cap);
			stamp(objs[i], size, i);
		}
		cr_assert_null(pool_alloc(p), "round %d: expected NULL with all %zu objects out", round, cap);
		for (size_t i = 0; i < cap; i++)
			check_stamp(objs[i], size, i);
		for (size_t i = 0; i < cap; i++)
			pool_free(p, objs[(i * 7 + (size_t)round) % cap]);
	}
	pool_destroy(p);
	heap_input_done();
	free(objs);
}

/* Random allocations and frees against a record of what is out. */
Test(pool, random_churn)
{
	enum { CAP = 500, OPS = 100000 };
	size_t size = 40;
	heap_input(pool_n(size, CAP));
	struct pool *p = new_pool(size, CAP);
	void *out[CAP];
	size_t tags[CAP], nr_out = 0, next_tag = 0;
	unsigned state = 2024;
	for (int op = 0; op < OPS; op++) {
		state = state * 1103515245u + 12345u;
		if ((state >> 16) % 2 == 0 && nr_out > 0) {
			size_t k = (state >> 4) % nr_out;
			check_stamp(out[k], size, tags[k]);
			pool_free(p, out[k]);
			out[k] = out[--nr_out];
			tags[k] = tags[nr_out];
		} else {
			void *obj = pool_alloc(p);
			if (nr_out == CAP) {
				cr_assert_null(obj, "operation %d: expected NULL with all %d objects out", op, CAP);
				continue;
			}
			cr_assert_not_null(obj, "operation %d: expected an object with %zu of %d out", op, nr_out,
					   (int)CAP);
			stamp(obj, size, next_tag);
			out[nr_out] = obj;
			tags[nr_out++] = next_tag++;
		}
	}
	for (size_t k = 0; k < nr_out; k++)
		check_stamp(out[k], size, tags[k]);
	pool_destroy(p);
	heap_input_done();
}

Test(pool, pools_are_independent)
{
	/* Two pools at once: n counts the objects of both. */
	heap_input(2 * pool_n(32, 3));
	struct pool *a = new_pool(32, 3), *b = new_pool(32, 3);
	void *x[3], *y[3];
	for (int i = 0; i < 3; i++) {
		cr_assert_not_null(x[i] = pool_alloc(a));
		cr_assert_not_null(y[i] = pool_alloc(b));
		stamp(x[i], 32, (size_t)i);
		stamp(y[i], 32, (size_t)i + 100);
	}
	cr_assert_null(pool_alloc(a), "expected pool a to be full");
	cr_assert_null(pool_alloc(b), "expected pool b to be full");
	pool_free(a, x[1]);
	cr_assert_null(pool_alloc(b), "expected a free in pool a to give pool b no room");
	cr_assert_not_null(pool_alloc(a), "expected the free in pool a to give pool a room");
	for (int i = 0; i < 3; i++)
		check_stamp(y[i], 32, (size_t)i + 100);
	pool_destroy(a);
	pool_destroy(b);
	heap_input_done();
}

/* pool_destroy frees objects still out; memcheck on the benchmark checks
 * that nothing leaks, this only checks that it does not crash. */
Test(pool, destroy_with_objects_out)
{
	heap_input(pool_n(64, 100));
	struct pool *p = new_pool(64, 100);
	for (int i = 0; i < 60; i++)
		cr_assert_not_null(pool_alloc(p));
	pool_destroy(p);
	heap_input_done();
}

/* Pools of 1 to 64 objects of 1 to 100 bytes, random allocs and frees
 * (allocs past capacity must fail), every object stamped and checked
 * before it is given back; the seed is new each run. */
Test(pool, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 40; round++) {
		size_t cap = 1 + (size_t)(rnd() % 64), size = 1 + (size_t)(rnd() % 100), out = 0, tag = 0;
		void *objs[64];
		size_t tags[64];
		heap_input(pool_n(size, cap));
		struct pool *p = new_pool(size, cap);
		for (int op = 0; op < 500; op++) {
			if (rnd() % 2) {
				void *o = pool_alloc(p);
				if (out == cap) {
					cr_assert_null(o, "random case %d (seed %llu): %zu objects out of %zu, yet pool_alloc gave one",
						       round, (unsigned long long)seed, out, cap);
					continue;
				}
				cr_assert_not_null(o, "random case %d (seed %llu): %zu objects out of %zu, pool_alloc gave NULL",
						   round, (unsigned long long)seed, out, cap);
				cr_assert_eq((uintptr_t)o % alignof(max_align_t), 0, "random case %d (seed %llu): object not aligned",
					     round, (unsigned long long)seed);
				stamp(o, size, tag);
				objs[out] = o;
				tags[out++] = tag++;
			} else if (out) {
				size_t k = (size_t)(rnd() % out);
				check_stamp(objs[k], size, tags[k]);
				pool_free(p, objs[k]);
				objs[k] = objs[--out];
				tags[k] = tags[out];
			}
		}
		for (size_t k = 0; k < out; k++)
			check_stamp(objs[k], size, tags[k]);
		pool_destroy(p);
		heap_input_done();
	}
}
