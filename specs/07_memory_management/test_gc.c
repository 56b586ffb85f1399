/* test_gc.c - correctness of the mark-and-sweep collector */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

#include "gc.h"

#include "test_heap.h"
#include "test_random.h"

static struct gc_heap *heap;

/* Each test makes its heap with make_heap(n), n the most objects it will
 * hold (the benchmark's n: objects of two references each), and the
 * suite's .fini frees it, if the test has not: the heap held from before
 * it is made to after it is freed is held to the budget at n
 * (test_heap.h). */
static void make_heap(size_t n)
{
	heap_input(n);
	heap = gc_create();
	cr_assert_not_null(heap, "expected gc_create to return a heap, got NULL");
}

static void drop_heap(void)
{
	gc_destroy(heap);
	heap = NULL;
	heap_input_done();
}

TestSuite(gc, .fini = drop_heap);

static struct gc_object *obj(int value)
{
	struct gc_object *o = gc_new_object(heap, value);
	cr_assert_not_null(o, "expected gc_new_object(%d) to return an object, got NULL", value);
	return o;
}

static void add_ref(struct gc_object *from, struct gc_object *to)
{
	cr_assert(gc_link(from, to), "expected gc_link(%d -> %d) to succeed", gc_value(from),
		  gc_value(to));
}

static void expect_collect(size_t want, const char *what)
{
	size_t got = gc_collect(heap);
	cr_assert_eq(got, want, "%s: expected gc_collect to free %zu, got %zu", what, want, got);
}

static void expect_count(size_t want)
{
	cr_assert_eq(gc_count(heap), want, "expected %zu objects left, got %zu", want, gc_count(heap));
}

Test(gc, objects_count_and_keep_values)
{
	make_heap(2);
	expect_count(0);
	struct gc_object *a = obj(10), *b = obj(-20);
	expect_count(2);
	cr_assert_eq(gc_value(a), 10, "expected value 10, got %d", gc_value(a));
	cr_assert_eq(gc_value(b), -20, "expected value -20, got %d", gc_value(b));
}

Test(gc, nothing_to_free)
{
	make_heap(1);
	expect_collect(0, "an empty heap");
	expect_count(0);
	gc_root(heap, obj(5));
	expect_collect(0, "one rooted object");
	expect_count(1);
}

Test(gc, unrooted_objects_are_garbage)
{
	make_heap(3);
	obj(1);
	obj(2);
	obj(3);
	expect_collect(3, "three unrooted objects");
	expect_count(0);
	expect_collect(0, "a second collection");
}

Test(gc, roots_and_what_they_reach_survive)
{
	make_heap(4);
	struct gc_object *a = obj(1), *b = obj(2), *c = obj(3);
	obj(4);
	gc_root(heap, a);
	add_ref(a, b);
	add_ref(b, c);
	expect_collect(1, "root 1 -> 2 -> 3, and 4 alone");
	expect_count(3);
	cr_assert_eq(gc_value(c), 3, "expected the survivor's value 3, got %d", gc_value(c));
	expect_collect(0, "the same graph again");
	cr_assert(gc_unlink(a, b), "expected gc_unlink(1 -> 2) to find the reference");
	expect_collect(2, "root 1, and 2 -> 3 cut off");
	expect_count(1);
	cr_assert_eq(gc_value(a), 1, "expected the root's value 1, got %d", gc_value(a));
}

Test(gc, cycles_are_garbage_when_unreachable)
{
	make_heap(4);
	struct gc_object *a = obj(1), *b = obj(2), *c = obj(3), *self = obj(4);
	add_ref(a, b);
	add_ref(b, c);
	add_ref(c, a);
	add_ref(self, self);
	expect_collect(4, "a cycle 1 -> 2 -> 3 -> 1 and 4 -> 4, no roots");
	expect_count(0);
}

Test(gc, reachable_cycle_survives_until_unrooted)
{
	make_heap(3);
	struct gc_object *r = obj(0), *a = obj(1), *b = obj(2);
	gc_root(heap, r);
	add_ref(r, a);
	add_ref(a, b);
	add_ref(b, a);
	expect_collect(0, "root 0 -> 1 <-> 2");
	expect_count(3);
	gc_unroot(heap, r);
	expect_collect(3, "0 -> 1 <-> 2 after unrooting 0");
	expect_count(0);
}

Test(gc, references_into_live_objects_do_not_keep_garbage)
{
	make_heap(3);
	struct gc_object *live = obj(1), *g1 = obj(2), *g2 = obj(3);
	gc_root(heap, live);
	add_ref(g1, live);
	add_ref(g2, g1);
	add_ref(g1, g2);
	expect_collect(2, "garbage 2 <-> 3 referring to the root 1");
	expect_count(1);
	cr_assert_eq(gc_value(live), 1, "expected the root's value 1, got %d", gc_value(live));
}

Test(gc, repeated_references_and_unlink)
{
	make_heap(2);
	struct gc_object *r = obj(0), *a = obj(1);
	gc_root(heap, r);
	add_ref(r, a);
	add_ref(r, a);
	cr_assert(gc_unlink(r, a), "expected the first gc_unlink(0 -> 1) to succeed");
	expect_collect(0, "root 0 with one of two references to 1 removed");
	cr_assert(gc_unlink(r, a), "expected the second gc_unlink(0 -> 1) to succeed");
	cr_assert_not(gc_unlink(r, a), "expected a third gc_unlink(0 -> 1) to find nothing");
	cr_assert_not(gc_unlink(a, r), "expected gc_unlink(1 -> 0) to find nothing");
	expect_collect(1, "root 0 with no references left to 1");
}

Test(gc, rooting_is_a_flag)
{
	make_heap(2);
	struct gc_object *a = obj(1), *b = obj(2);
	gc_root(heap, a);
	gc_root(heap, a);
	gc_unroot(heap, a);
	gc_root(heap, b);
	expect_collect(1, "1 rooted twice and unrooted once, 2 rooted");
	expect_count(1);
	cr_assert_eq(gc_value(b), 2, "expected the root's value 2, got %d", gc_value(b));
}

Test(gc, survivors_keep_their_references)
{
	make_heap(4);
	struct gc_object *r = obj(0), *a = obj(1), *b = obj(2);
	gc_root(heap, r);
	add_ref(r, a);
	add_ref(a, b);
	obj(3);
	expect_collect(1, "root 0 -> 1 -> 2, and 3 alone");
	/* The second collection must still see 1 -> 2. */
	expect_collect(0, "the same graph after a collection");
	cr_assert(gc_unlink(a, b), "expected the reference 1 -> 2 to survive the collection");
	expect_collect(1, "root 0 -> 1, and 2 cut off");
}

Test(gc, long_chain_and_big_ring)
{
	enum { CHAIN = 6000, RING = 20000 };
	struct gc_object **chain = malloc(CHAIN * sizeof(*chain));
	struct gc_object **ring = malloc(RING * sizeof(*ring));
	cr_assert(chain && ring);
	make_heap(CHAIN + RING);
	for (int i = 0; i < CHAIN; i++) {
		chain[i] = obj(i);
		if (i)
			add_ref(chain[i - 1], chain[i]);
	}
	for (int i = 0; i < RING; i++) {
		ring[i] = obj(-1 - i);
		if (i)
			add_ref(ring[i], ring[i - 1]);
		add_ref(ring[i], chain[i % CHAIN]);
	}
	add_ref(ring[0], ring[RING - 1]);
	gc_root(heap, chain[0]);
	expect_collect(RING, "a rooted chain of 6000 and an unrooted ring of 20000 pointing into it");
	expect_count(CHAIN);
	for (int i = 0; i < CHAIN; i += 997)
		cr_assert_eq(gc_value(chain[i]), i, "expected chain object %d to keep its value, got %d", i,
			     gc_value(chain[i]));
	cr_assert(gc_unlink(chain[CHAIN / 2 - 1], chain[CHAIN / 2]));
	expect_collect(CHAIN / 2, "the chain cut in the middle");
	gc_unroot(heap, chain[0]);
	expect_collect(CHAIN / 2, "the rest of the chain, unrooted");
	expect_count(0);
	free(chain);
	free(ring);
}

/* Random graphs of 0 to 120 objects and 0 to 3 references each (cycles,
 * self references, repeats), 0 to 4 roots; collected twice with roots
 * changed between, against reachability worked out here. */
Test(gc, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 30; round++) {
		size_t n = rnd_len(120), alive = n, total = 0;
		struct gc_object *o[120];
		size_t refs[120][3], nrefs[120];
		bool root[120] = { false }, live[120], freed[120] = { false };
		/* The references first: a heap of its own per round, for n
		 * objects or half as many as the references, whichever is more
		 * (the benchmark's objects have two each). */
		for (size_t i = 0; i < n; i++) {
			nrefs[i] = (size_t)(rnd() % 4);
			total += nrefs[i];
			for (size_t r = 0; r < nrefs[i]; r++)
				refs[i][r] = (size_t)(rnd() % n);
		}
		make_heap(n > (total + 1) / 2 ? n : (total + 1) / 2);
		for (size_t i = 0; i < n; i++)
			o[i] = obj((int)i);
		for (size_t i = 0; i < n; i++)
			for (size_t r = 0; r < nrefs[i]; r++)
				add_ref(o[i], o[refs[i][r]]);
		for (int pass = 0; pass < 2; pass++) {
			for (size_t i = 0; i < n; i++)
				if (!freed[i] && rnd() % 40 == 0) {
					root[i] = !root[i];
					if (root[i])
						gc_root(heap, o[i]);
					else
						gc_unroot(heap, o[i]);
				}
			size_t stack[120], top = 0, want = 0;
			for (size_t i = 0; i < n; i++) {
				live[i] = !freed[i] && root[i];
				if (live[i])
					stack[top++] = i;
			}
			while (top) {
				size_t i = stack[--top];
				for (size_t r = 0; r < nrefs[i]; r++)
					if (!live[refs[i][r]]) {
						live[refs[i][r]] = true;
						stack[top++] = refs[i][r];
					}
			}
			for (size_t i = 0; i < n; i++)
				if (!freed[i] && !live[i])
					freed[i] = true, want++;
			size_t got = gc_collect(heap);
			alive -= want;
			cr_assert_eq(got, want, "random case %d (seed %llu), %zu objects, collection %d: expected %zu freed, got %zu",
				     round, (unsigned long long)seed, n, pass + 1, want, got);
			cr_assert_eq(gc_count(heap), alive, "random case %d (seed %llu): expected %zu objects left, got %zu",
				     round, (unsigned long long)seed, alive, gc_count(heap));
			for (size_t i = 0; i < n; i++)
				if (!freed[i])
					cr_assert_eq(gc_value(o[i]), (int)i, "random case %d (seed %llu): object %zu lost its value",
						     round, (unsigned long long)seed, i);
		}
		for (size_t i = 0; i < n; i++)
			if (!freed[i] && root[i])
				gc_unroot(heap, o[i]);
		gc_collect(heap);
		drop_heap();
	}
}
