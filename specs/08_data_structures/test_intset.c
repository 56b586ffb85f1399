/* test_intset.c - correctness of the hash set of ints */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "intset.h"

#include "test_heap.h"
#include "test_random.h"

/* A set that will hold at most n values at once (intset.h's n): the heap
 * held from before it is made to after free_set is held to the budget at
 * n (test_heap.h). */
static struct intset *new_set(size_t n)
{
	heap_input(n);
	struct intset *s = intset_new();
	cr_assert_not_null(s, "expected intset_new to return a set, got NULL");
	return s;
}

static void free_set(struct intset *s)
{
	intset_free(s);
	heap_input_done();
}

/* Distinct values spread over the int range: i times an odd constant is a
 * bijection on 32 bits. */
static int spread(size_t i)
{
	return (int)(uint32_t)(i * 2654435761u);
}

Test(intset, new_is_empty)
{
	struct intset *s = new_set(1);
	cr_assert_eq(intset_size(s), 0, "expected size 0, got %zu", intset_size(s));
	cr_assert_not(intset_contains(s, 0), "expected an empty set not to contain 0");
	cr_assert_not(intset_remove(s, 0), "expected remove on an empty set to return false");
	cr_assert_eq(intset_add(s, 0), 1, "expected adding 0 to return 1");
	cr_assert(intset_contains(s, 0), "expected the set to contain 0 once added");
	intset_free(NULL);
	free_set(s);
}

Test(intset, add_reports_new_and_old)
{
	struct intset *s = new_set(2);
	int got = intset_add(s, 42);
	cr_assert_eq(got, 1, "expected adding 42 to return 1, got %d", got);
	got = intset_add(s, 42);
	cr_assert_eq(got, 0, "expected adding 42 again to return 0, got %d", got);
	got = intset_add(s, -42);
	cr_assert_eq(got, 1, "expected adding -42 to return 1, got %d", got);
	cr_assert_eq(intset_size(s), 2, "expected size 2, got %zu", intset_size(s));
	cr_assert(intset_contains(s, 42) && intset_contains(s, -42), "expected 42 and -42 in the set");
	cr_assert_not(intset_contains(s, 41), "expected 41 not in the set");
	free_set(s);
}

Test(intset, extremes_and_zero)
{
	struct intset *s = new_set(7);
	int values[] = { INT_MIN, INT_MAX, 0, -1, 1, INT_MIN + 1, INT_MAX - 1 };
	for (size_t i = 0; i < 7; i++)
		cr_assert_eq(intset_add(s, values[i]), 1, "expected adding %d to return 1", values[i]);
	for (size_t i = 0; i < 7; i++)
		cr_assert(intset_contains(s, values[i]), "expected %d in the set", values[i]);
	cr_assert_eq(intset_size(s), 7, "expected size 7, got %zu", intset_size(s));
	cr_assert(intset_remove(s, INT_MIN), "expected INT_MIN to be removed");
	cr_assert_not(intset_contains(s, INT_MIN), "expected INT_MIN gone after remove");
	cr_assert(intset_contains(s, INT_MIN + 1), "expected INT_MIN + 1 still in the set");
	free_set(s);
}

Test(intset, remove_then_add_again)
{
	struct intset *s = new_set(1);
	cr_assert_eq(intset_add(s, 7), 1);
	cr_assert(intset_remove(s, 7), "expected remove of 7 to return true");
	cr_assert_not(intset_remove(s, 7), "expected a second remove of 7 to return false");
	cr_assert_not(intset_contains(s, 7), "expected 7 gone after remove");
	cr_assert_eq(intset_size(s), 0, "expected size 0, got %zu", intset_size(s));
	cr_assert_eq(intset_add(s, 7), 1, "expected adding 7 after its removal to return 1");
	cr_assert_eq(intset_add(s, 7), 0, "expected adding 7 twice to return 0");
	cr_assert_eq(intset_size(s), 1, "expected size 1, got %zu", intset_size(s));
	free_set(s);
}

Test(intset, many_values_survive_growth)
{
	struct intset *s = new_set(20000);
	size_t n = 20000;
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(intset_add(s, spread(i)), 1, "expected adding value %zu (%d) to return 1", i,
			     spread(i));
	cr_assert_eq(intset_size(s), n, "expected size %zu, got %zu", n, intset_size(s));
	for (size_t i = 0; i < n; i++)
		cr_assert(intset_contains(s, spread(i)), "expected value %zu (%d) in the set", i, spread(i));
	for (size_t i = n; i < 2 * n; i++)
		cr_assert_not(intset_contains(s, spread(i)), "expected value %zu (%d) not in the set", i,
			      spread(i));
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(intset_add(s, spread(i)), 0, "expected adding value %zu again to return 0", i);
	cr_assert_eq(intset_size(s), n, "expected size %zu after re-adding, got %zu", n, intset_size(s));
	free_set(s);
}

/* Removing values from the middle of collision chains must not hide the
 * values stored after them. */
Test(intset, removals_keep_the_rest_findable)
{
	struct intset *s = new_set(20000);
	size_t n = 20000;
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(intset_add(s, spread(i)), 1);
	for (size_t i = 0; i < n; i += 3)
		cr_assert(intset_remove(s, spread(i)), "expected value %zu (%d) to be removed", i, spread(i));
	size_t left = n - (n + 2) / 3;
	cr_assert_eq(intset_size(s), left, "expected size %zu, got %zu", left, intset_size(s));
	for (size_t i = 0; i < n; i++) {
		bool want = i % 3 != 0;
		cr_assert_eq(intset_contains(s, spread(i)), want, "expected contains(%d) = %d after removals",
			     spread(i), want);
	}
	free_set(s);
}

/* Values that differ only in their high bits: a table indexed by the low
 * bits alone piles them all into one chain (the test still passes, slowly). */
Test(intset, values_that_differ_in_high_bits)
{
	struct intset *s = new_set(2000);
	for (int i = -1000; i < 1000; i++)
		cr_assert_eq(intset_add(s, i * 65536), 1, "expected adding %d to return 1", i * 65536);
	for (int i = -1000; i < 1000; i++) {
		cr_assert(intset_contains(s, i * 65536), "expected %d in the set", i * 65536);
		cr_assert_not(intset_contains(s, i * 65536 + 1), "expected %d not in the set", i * 65536 + 1);
	}
	cr_assert_eq(intset_size(s), 2000, "expected size 2000, got %zu", intset_size(s));
	free_set(s);
}

/* Adds and removes in turn, so that a table which never clears its
 * tombstones fills up with them. */
Test(intset, churn)
{
	/* 11 at most: each add comes before the remove that takes it back to 10. */
	struct intset *s = new_set(11);
	for (size_t i = 0; i < 200000; i++) {
		cr_assert_eq(intset_add(s, spread(i)), 1, "expected adding value %zu to return 1", i);
		if (i >= 10)
			cr_assert(intset_remove(s, spread(i - 10)), "expected removing value %zu to succeed",
				  i - 10);
	}
	cr_assert_eq(intset_size(s), 10, "expected size 10, got %zu", intset_size(s));
	for (size_t i = 199990; i < 200000; i++)
		cr_assert(intset_contains(s, spread(i)), "expected value %zu in the set", i);
	free_set(s);
}

/* Random adds, removes and lookups (0 to 3000) of values from a narrow
 * range, the whole range or the extremes, against a small table of the
 * values seen (a linear scan over at most a few hundred distinct ones).
 * The operations are drawn first, for the most values the set will hold:
 * its n. */
Test(intset, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 20; round++) {
		size_t ops = rnd_len(3000), nvals = 1 + (size_t)(rnd() % 300), size = 0, most = 0;
		int *vals = malloc(nvals * sizeof(int));
		bool *in = calloc(nvals, sizeof(bool));
		struct {
			size_t k, first;
			int what; /* 0: add, 1: remove, 2: contains */
		} *plan = malloc((ops ? ops : 1) * sizeof(*plan));
		cr_assert(vals && in && plan);
		/* Repeats among the values are the same key: the first of them
		 * holds its state. */
		for (size_t i = 0; i < nvals; i++)
			vals[i] = rnd() % 2 ? rnd_value() : (int)(rnd() % 64) - 32;
		for (size_t op = 0; op < ops; op++) {
			size_t k = (size_t)(rnd() % nvals), first = k;
			for (size_t j = 0; j < k; j++)
				if (vals[j] == vals[k]) {
					first = j;
					break;
				}
			int what = (int)(rnd() % 3);
			plan[op].k = k;
			plan[op].first = first;
			plan[op].what = what;
			if (what == 0 && !in[first]) {
				in[first] = true;
				if (++size > most)
					most = size;
			} else if (what == 1 && in[first]) {
				in[first] = false;
				size--;
			}
		}
		memset(in, 0, nvals * sizeof(bool));
		size = 0;
		struct intset *s = new_set(most);
		for (size_t op = 0; op < ops; op++) {
			size_t k = plan[op].k, first = plan[op].first;
			int x = vals[k], what = plan[op].what;
			if (what == 0) {
				int got = intset_add(s, x);
				cr_assert_eq(got, !in[first], "random case %d (seed %llu), operation %zu: add(%d) gave %d", round,
					     (unsigned long long)seed, op, x, got);
				size += !in[first];
				in[first] = true;
			} else if (what == 1) {
				bool got = intset_remove(s, x);
				cr_assert_eq(got, in[first], "random case %d (seed %llu), operation %zu: remove(%d) gave %d", round,
					     (unsigned long long)seed, op, x, got);
				size -= in[first];
				in[first] = false;
			} else {
				bool got = intset_contains(s, x);
				cr_assert_eq(got, in[first], "random case %d (seed %llu), operation %zu: contains(%d) gave %d", round,
					     (unsigned long long)seed, op, x, got);
			}
			cr_assert_eq(intset_size(s), size, "random case %d (seed %llu), operation %zu: expected size %zu, got %zu",
				     round, (unsigned long long)seed, op, size, intset_size(s));
		}
		free_set(s);
		free(vals);
		free(in);
		free(plan);
	}
}
