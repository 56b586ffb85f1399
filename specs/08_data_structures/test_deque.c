/* test_deque.c - correctness of the ring-buffer deque */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdbool.h>
#include <limits.h>
#include <stdlib.h>

#include "deque.h"

#include "test_heap.h"
#include "test_random.h"

/* A deque for at most n elements (the benchmark's n: its pushes, all held
 * at once): the heap held from before it is made to after free_deque is
 * held to the budget at n (test_heap.h). */
static struct deque *new_deque(size_t n)
{
	heap_input(n);
	struct deque *d = deque_new();
	cr_assert_not_null(d, "expected deque_new to return a deque, got NULL");
	return d;
}

static void free_deque(struct deque *d)
{
	deque_free(d);
	heap_input_done();
}

/* Checks that d holds exactly want[0..n), front first. */
static void expect_contents(const struct deque *d, const int *want, size_t n)
{
	cr_assert_eq(deque_len(d), n, "expected length %zu, got %zu", n, deque_len(d));
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(deque_at(d, i), want[i], "expected deque_at(%zu) = %d, got %d", i, want[i],
			     deque_at(d, i));
}

Test(deque, new_is_empty_and_pops_fail)
{
	struct deque *d = new_deque(1);
	int out = 99;
	cr_assert_eq(deque_len(d), 0, "expected a new deque to be empty, got length %zu", deque_len(d));
	cr_assert_not(deque_pop_front(d, &out), "expected pop_front on an empty deque to fail");
	cr_assert_not(deque_pop_back(d, &out), "expected pop_back on an empty deque to fail");
	cr_assert_eq(out, 99, "expected *out untouched by failed pops, got %d", out);
	cr_assert(deque_push_back(d, 1), "expected push_back to succeed");
	cr_assert(deque_pop_front(d, &out) && out == 1, "expected pop_front to give 1, got %d", out);
	out = 99;
	cr_assert_not(deque_pop_back(d, &out), "expected pop_back on the emptied deque to fail");
	cr_assert_eq(out, 99, "expected *out untouched by a failed pop, got %d", out);
	deque_free(NULL);
	free_deque(d);
}

Test(deque, push_back_is_a_queue)
{
	struct deque *d = new_deque(5);
	int out;
	for (int i = 0; i < 5; i++)
		cr_assert(deque_push_back(d, i * 10));
	int want[] = { 0, 10, 20, 30, 40 };
	expect_contents(d, want, 5);
	for (int i = 0; i < 5; i++) {
		cr_assert(deque_pop_front(d, &out), "expected pop_front to succeed");
		cr_assert_eq(out, i * 10, "expected pop_front to give %d, got %d", i * 10, out);
	}
	cr_assert_eq(deque_len(d), 0, "expected length 0, got %zu", deque_len(d));
	free_deque(d);
}

Test(deque, push_front_reverses)
{
	struct deque *d = new_deque(5);
	int out;
	for (int i = 1; i <= 5; i++)
		cr_assert(deque_push_front(d, i));
	int want[] = { 5, 4, 3, 2, 1 };
	expect_contents(d, want, 5);
	cr_assert(deque_pop_back(d, &out) && out == 1, "expected pop_back to give 1, got %d", out);
	cr_assert(deque_pop_front(d, &out) && out == 5, "expected pop_front to give 5, got %d", out);
	int rest[] = { 4, 3, 2 };
	expect_contents(d, rest, 3);
	free_deque(d);
}

Test(deque, both_ends_mixed)
{
	struct deque *d = new_deque(5);
	cr_assert(deque_push_back(d, 2));
	cr_assert(deque_push_front(d, 1));
	cr_assert(deque_push_back(d, 3));
	cr_assert(deque_push_front(d, INT_MIN));
	cr_assert(deque_push_back(d, INT_MAX));
	int want[] = { INT_MIN, 1, 2, 3, INT_MAX };
	expect_contents(d, want, 5);
	free_deque(d);
}

/* A queue that never holds more than a few elements walks its ring many
 * times around: positions must wrap. */
Test(deque, wraps_around)
{
	struct deque *d = new_deque(4);
	int out, next_in = 0, next_out = 0;
	for (int i = 0; i < 3; i++)
		cr_assert(deque_push_back(d, next_in++));
	for (int round = 0; round < 10000; round++) {
		cr_assert(deque_push_back(d, next_in++));
		cr_assert(deque_pop_front(d, &out));
		cr_assert_eq(out, next_out, "expected %d out of the queue in round %d, got %d", next_out,
			     round, out);
		next_out++;
	}
	int want[] = { next_out, next_out + 1, next_out + 2 };
	expect_contents(d, want, 3);
	free_deque(d);
}

/* Growing while the elements wrap past the end of the buffer must keep
 * their order: the classic ring-buffer bug. */
Test(deque, grows_while_wrapped)
{
	struct deque *d = new_deque(1500);
	int out;
	for (int i = 0; i < 5; i++)
		cr_assert(deque_push_back(d, i));
	for (int i = 0; i < 5; i++)
		cr_assert(deque_pop_front(d, &out));
	/* The next elements start in the middle of whatever buffer there is. */
	int want[1000];
	for (int i = 0; i < 1000; i++) {
		cr_assert(deque_push_back(d, i), "expected push_back %d to succeed", i);
		want[i] = i;
	}
	expect_contents(d, want, 1000);
	for (int i = 0; i < 500; i++)
		cr_assert(deque_push_front(d, -1 - i), "expected push_front %d to succeed", i);
	for (int i = 0; i < 500; i++)
		cr_assert_eq(deque_at(d, (size_t)i), -500 + i, "expected deque_at(%d) = %d, got %d", i,
			     -500 + i, deque_at(d, (size_t)i));
	for (int i = 0; i < 1000; i++)
		cr_assert_eq(deque_at(d, (size_t)(500 + i)), i, "expected deque_at(%d) = %d, got %d",
			     500 + i, i, deque_at(d, (size_t)(500 + i)));
	free_deque(d);
}

/* Random operations against a plain array with room at both ends. */
Test(deque, random_operations_match_a_model)
{
	enum { OPS = 200000 };
	int *model = malloc(2 * OPS * sizeof(*model));
	cr_assert_not_null(model);
	size_t lo = OPS, hi = OPS, most = 0;
	unsigned state = 12345;

	/* The most elements the deque will hold, from the same draws: its n. */
	for (size_t op = 0, len = 0; op < OPS; op++) {
		state = state * 1103515245u + 12345u;
		if ((state >> 16) % 10 < 6) {
			if (++len > most)
				most = len;
		} else if (len) {
			len--;
		}
	}
	state = 12345;
	struct deque *d = new_deque(most);
	for (int op = 0; op < OPS; op++) {
		state = state * 1103515245u + 12345u;
		unsigned r = (state >> 16) % 10;
		int x = (int)(state >> 8), out = 0;
		if (r < 3) {
			cr_assert(deque_push_back(d, x));
			model[hi++] = x;
		} else if (r < 6) {
			cr_assert(deque_push_front(d, x));
			model[--lo] = x;
		} else if (r < 8) {
			bool ok = deque_pop_back(d, &out);
			cr_assert_eq(ok, hi > lo, "operation %d: expected pop_back to return %d", op, hi > lo);
			if (ok) {
				hi--;
				cr_assert_eq(out, model[hi], "operation %d: expected pop_back to give %d, got %d",
					     op, model[hi], out);
			}
		} else {
			bool ok = deque_pop_front(d, &out);
			cr_assert_eq(ok, hi > lo, "operation %d: expected pop_front to return %d", op, hi > lo);
			if (ok) {
				cr_assert_eq(out, model[lo], "operation %d: expected pop_front to give %d, got %d",
					     op, model[lo], out);
				lo++;
			}
		}
		cr_assert_eq(deque_len(d), hi - lo, "operation %d: expected length %zu, got %zu", op,
			     hi - lo, deque_len(d));
	}
	for (int out; lo < hi; lo++) {
		cr_assert(deque_pop_front(d, &out), "expected pop_front to succeed with %zu left", hi - lo);
		cr_assert_eq(out, model[lo], "expected pop_front to give %d, got %d", model[lo], out);
	}
	cr_assert_eq(deque_len(d), 0, "expected length 0 at the end, got %zu", deque_len(d));
	free_deque(d);
	free(model);
}

/* Random pushes and pops at both ends (0 to 3000 operations, pushes or
 * pops in the majority by turns) and deque_at, against a plain array.
 * The operations are drawn first, for the most elements the deque will
 * hold: its n. */
Test(deque, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 20; round++) {
		size_t ops = rnd_len(3000), lo = ops, hi = ops, most = 0;
		int *model = malloc((2 * ops + 1) * sizeof(int)), out = 0;
		struct {
			unsigned what; /* a push when 2 or more, else a pop (back when 1) */
			int x;
			bool back;
			size_t at; /* the deque_at after it */
		} *plan = malloc((ops ? ops : 1) * sizeof(*plan));
		unsigned push_in = 3 + (unsigned)(rnd() % 3);
		cr_assert(model && plan);
		for (size_t op = 0, len = 0; op < ops; op++) {
			plan[op].what = (unsigned)(rnd() % push_in);
			if (plan[op].what >= 2) {
				plan[op].x = rnd_value();
				plan[op].back = rnd() % 2;
				if (++len > most)
					most = len;
			} else if (len) {
				len--;
			}
			plan[op].at = len ? (size_t)(rnd() % len) : 0;
		}
		struct deque *d = new_deque(most);
		for (size_t op = 0; op < ops; op++) {
			unsigned what = plan[op].what;
			if (what >= 2) {
				int x = plan[op].x;
				bool back = plan[op].back;
				cr_assert(back ? deque_push_back(d, x) : deque_push_front(d, x),
					  "random case %d (seed %llu), operation %zu: push failed", round, (unsigned long long)seed, op);
				if (back)
					model[hi++] = x;
				else
					model[--lo] = x;
			} else {
				bool back = what == 1, got = back ? deque_pop_back(d, &out) : deque_pop_front(d, &out);
				cr_assert_eq(got, hi > lo, "random case %d (seed %llu), operation %zu: pop with %zu values gave %s",
					     round, (unsigned long long)seed, op, hi - lo, got ? "true" : "false");
				if (hi > lo) {
					int want = back ? model[--hi] : model[lo++];
					cr_assert_eq(out, want, "random case %d (seed %llu), operation %zu: expected pop_%s to give %d, got %d",
						     round, (unsigned long long)seed, op, back ? "back" : "front", want, out);
				}
			}
			cr_assert_eq(deque_len(d), hi - lo, "random case %d (seed %llu), operation %zu: expected length %zu, got %zu",
				     round, (unsigned long long)seed, op, hi - lo, deque_len(d));
			if (hi > lo) {
				size_t i = plan[op].at;
				cr_assert_eq(deque_at(d, i), model[lo + i], "random case %d (seed %llu), operation %zu: expected deque_at(%zu) = %d, got %d",
					     round, (unsigned long long)seed, op, i, model[lo + i], deque_at(d, i));
			}
		}
		free_deque(d);
		free(model);
		free(plan);
	}
}
