/* test_vec.c - correctness of vec_push, vec_pop and vec_release */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdbool.h>
#include <limits.h>
#include <stdlib.h>

#include "vec.h"

#include "test_heap.h"
#include "test_random.h"

/* Each test names the most elements its vec will hold (the benchmark's n:
 * its pushes): the heap held from before the first push to after
 * vec_release is held to the budget at that n (test_heap.h). */

Test(vec, pop_on_empty_fails)
{
	struct vec v = VEC_INIT;
	int out = 12345;
	heap_input(1);
	cr_assert_not(vec_pop(&v, &out), "expected false when popping an empty vec, got true");
	cr_assert_eq(out, 12345, "expected *out untouched by a failed pop, got %d", out);
	cr_assert(vec_push(&v, 8), "expected a push onto an empty vec to succeed");
	cr_assert(vec_pop(&v, &out), "expected a pop after one push to succeed");
	cr_assert_eq(out, 8, "expected the pop to give 8, got %d", out);
	out = 12345;
	cr_assert_not(vec_pop(&v, &out), "expected false when popping the emptied vec, got true");
	cr_assert_eq(out, 12345, "expected *out untouched by a failed pop, got %d", out);
	cr_assert_eq(v.len, 0, "expected len 0, got %zu", v.len);
	vec_release(&v);
	heap_input_done();
}

Test(vec, push_stores_in_order)
{
	struct vec v = VEC_INIT;
	int want[] = { 3, -1, 4, INT_MIN, 5, INT_MAX, 9 };
	size_t n = sizeof(want) / sizeof(want[0]);
	heap_input(n);
	for (size_t i = 0; i < n; i++) {
		cr_assert(vec_push(&v, want[i]), "expected push %zu to succeed", i);
		cr_assert_eq(v.len, i + 1, "expected len %zu after %zu pushes, got %zu", i + 1, i + 1, v.len);
		cr_assert_geq(v.cap, v.len, "expected cap >= len, got cap %zu, len %zu", v.cap, v.len);
	}
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(v.data[i], want[i], "expected data[%zu] = %d, got %d", i, want[i], v.data[i]);
	vec_release(&v);
	heap_input_done();
}

Test(vec, pop_is_last_in_first_out)
{
	struct vec v = VEC_INIT;
	heap_input(10);
	for (int i = 0; i < 10; i++)
		cr_assert(vec_push(&v, i * i));
	for (int i = 9; i >= 0; i--) {
		int out = -1;
		cr_assert(vec_pop(&v, &out), "expected pop to succeed with %d left", i + 1);
		cr_assert_eq(out, i * i, "expected pop to give %d, got %d", i * i, out);
		cr_assert_eq(v.len, (size_t)i, "expected len %d after the pop, got %zu", i, v.len);
	}
	int out = 77;
	cr_assert_not(vec_pop(&v, &out), "expected false once all were popped, got true");
	cr_assert_eq(out, 77, "expected *out untouched by a failed pop, got %d", out);
	vec_release(&v);
	heap_input_done();
}

Test(vec, push_after_pop_overwrites)
{
	struct vec v = VEC_INIT;
	int out;
	heap_input(3);
	cr_assert(vec_push(&v, 1) && vec_push(&v, 2) && vec_push(&v, 3));
	cr_assert(vec_pop(&v, &out) && vec_pop(&v, &out));
	cr_assert(vec_push(&v, 20));
	cr_assert_eq(v.len, 2, "expected len 2, got %zu", v.len);
	cr_assert_eq(v.data[0], 1, "expected data[0] = 1, got %d", v.data[0]);
	cr_assert_eq(v.data[1], 20, "expected data[1] = 20, got %d", v.data[1]);
	vec_release(&v);
	heap_input_done();
}

Test(vec, release_empties_and_allows_reuse)
{
	struct vec v = VEC_INIT;
	heap_input(100);
	for (int i = 0; i < 100; i++)
		cr_assert(vec_push(&v, i));
	vec_release(&v);
	heap_input_done();
	cr_assert_null(v.data, "expected data NULL after release, got %p", (void *)v.data);
	cr_assert_eq(v.len, 0, "expected len 0 after release, got %zu", v.len);
	cr_assert_eq(v.cap, 0, "expected cap 0 after release, got %zu", v.cap);
	/* Reused: a vec of its own, of one element. */
	heap_input(1);
	cr_assert(vec_push(&v, 42), "expected a push after release to succeed");
	cr_assert_eq(v.len, 1, "expected len 1, got %zu", v.len);
	cr_assert_eq(v.data[0], 42, "expected data[0] = 42, got %d", v.data[0]);
	vec_release(&v);
	vec_release(&v);
	heap_input_done();
}

Test(vec, many_pushes_keep_every_value)
{
	struct vec v = VEC_INIT;
	size_t n = 1000000;
	heap_input(n);
	for (size_t i = 0; i < n; i++)
		cr_assert(vec_push(&v, (int)(i * 2654435761u)), "expected push %zu to succeed", i);
	cr_assert_eq(v.len, n, "expected len %zu, got %zu", n, v.len);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(v.data[i], (int)(i * 2654435761u), "expected data[%zu] = %d, got %d", i,
			     (int)(i * 2654435761u), v.data[i]);
	vec_release(&v);
	heap_input_done();
}

/* realloc may grow a block in place, which can hide a "+1" growth policy
 * from a benchmark; the capacity cannot hide it. */
Test(vec, capacity_grows_geometrically)
{
	struct vec v = VEC_INIT;
	size_t n = 20000, changes = 0, last = 0;
	heap_input(n);
	for (size_t i = 0; i < n; i++) {
		cr_assert(vec_push(&v, (int)i));
		if (v.cap != last)
			changes++;
		last = v.cap;
	}
	cr_assert_leq(changes, 128,
		      "expected the capacity to grow by a factor (at most 128 changes in %zu pushes), "
		      "got %zu changes", n, changes);
	vec_release(&v);
	heap_input_done();
}

/* Random runs of pushes and pops (0 to 2000 operations, any values)
 * against a plain array. The operations are drawn first, for the most
 * values the vec will hold: its n (test_heap.h). */
Test(vec, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 50; round++) {
		size_t ops = rnd_len(2000), len = 0, most = 0;
		int *model = malloc((ops ? ops : 1) * sizeof(int)), *pushed = malloc((ops ? ops : 1) * sizeof(int)), out;
		bool *push = malloc(ops ? ops : 1);
		struct vec v = VEC_INIT;
		unsigned push_in = 2 + (unsigned)(rnd() % 3); /* pushes outnumber pops */
		cr_assert(model && pushed && push);
		for (size_t op = 0; op < ops; op++) {
			push[op] = rnd() % push_in != 0;
			if (push[op]) {
				pushed[op] = rnd_value();
				if (++len > most)
					most = len;
			} else if (len) {
				len--;
			}
		}
		len = 0;
		heap_input(most);
		for (size_t op = 0; op < ops; op++) {
			if (push[op]) {
				int x = pushed[op];
				cr_assert(vec_push(&v, x), "random case %d (seed %llu), operation %zu: push failed", round,
					  (unsigned long long)seed, op);
				model[len++] = x;
			} else {
				bool got = vec_pop(&v, &out);
				cr_assert_eq(got, len > 0, "random case %d (seed %llu), operation %zu: pop with %zu values gave %s",
					     round, (unsigned long long)seed, op, len, got ? "true" : "false");
				if (len) {
					len--;
					cr_assert_eq(out, model[len], "random case %d (seed %llu), operation %zu: expected pop to give %d, got %d",
						     round, (unsigned long long)seed, op, model[len], out);
				}
			}
		}
		vec_release(&v);
		heap_input_done();
		free(model);
		free(pushed);
		free(push);
	}
}
