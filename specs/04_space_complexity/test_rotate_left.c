/* test_rotate_left.c - correctness of rotate_left */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

#include "rotate_left.h"

#include "test_heap.h"
#include "test_random.h"

/* Rotates a copy of a[0..n) by k and checks every element against
 * a[(i + k) mod n]. The copy sits between two guard values that must
 * survive. The heap the call holds is held to the budget (none) at n, the
 * array's length whatever k is (the benchmark's n: test_heap.h). */
static void check(const int *a, size_t n, size_t k)
{
	const int guard = 0x5eed;
	int *buf = malloc((n + 2) * sizeof(*buf));
	cr_assert_not_null(buf);
	buf[0] = guard;
	buf[n + 1] = guard;
	for (size_t i = 0; i < n; i++)
		buf[i + 1] = a[i];
	heap_input(n);
	rotate_left(buf + 1, n, k);
	heap_input_done();
	cr_assert_eq(buf[0], guard, "n = %zu, k = %zu: wrote before the array (a[-1] is now %d)",
		     n, k, buf[0]);
	cr_assert_eq(buf[n + 1], guard, "n = %zu, k = %zu: wrote past the array (a[n] is now %d)",
		     n, k, buf[n + 1]);
	for (size_t i = 0; i < n; i++) {
		int want = a[(i + k % n) % n];
		cr_assert_eq(buf[i + 1], want, "n = %zu, k = %zu: expected a[%zu] = %d, got %d",
			     n, k, i, want, buf[i + 1]);
	}
	free(buf);
}

Test(rotate_left, by_two)
{
	int a[] = { 1, 2, 3, 4, 5 };
	heap_input(5);
	rotate_left(a, 5, 2);
	heap_input_done();
	int want[] = { 3, 4, 5, 1, 2 };
	for (size_t i = 0; i < 5; i++)
		cr_assert_eq(a[i], want[i], "{1,2,3,4,5} by 2: expected a[%zu] = %d, got %d",
			     i, want[i], a[i]);
}

Test(rotate_left, empty_single_and_pair)
{
	int a[] = { 8, 9 };
	heap_input(0);
	rotate_left(NULL, 0, 0);
	rotate_left(NULL, 0, 3);
	heap_input_done();
	check(a, 1, 0);
	check(a, 1, 5);
	check(a, 2, 1);
	check(a, 2, 2);
	check(a, 2, 3);
}

Test(rotate_left, k_of_n_and_more)
{
	int a[] = { 1, 2, 3, 4, 5, 6, 7 };
	check(a, 7, 7);
	check(a, 7, 9);
	check(a, 7, 14);
	check(a, 7, 7 * 1000 + 3);
	check(a, 7, SIZE_MAX);
	check(a, 7, SIZE_MAX - 1);
}

Test(rotate_left, every_k_for_small_n)
{
	/* Includes the n and k that share a divisor (n = 12, k = 8 ...), where
	 * cycle-following rotations need more than one cycle. */
	int a[24];
	for (size_t i = 0; i < 24; i++)
		a[i] = (int)(i * i) - 100;
	for (size_t n = 1; n <= 24; n++)
		for (size_t k = 0; k <= 2 * n + 1; k++)
			check(a, n, k);
}

Test(rotate_left, repeated_and_extreme_values)
{
	int a[] = { INT_MIN, 0, INT_MAX, 0, INT_MIN, -1, -1, 5, 5 };
	for (size_t k = 0; k < 9; k++)
		check(a, 9, k + 1);
}

Test(rotate_left, large)
{
	size_t n = 5003;
	int *a = malloc(n * sizeof(*a));
	cr_assert_not_null(a);
	for (size_t i = 0; i < n; i++)
		a[i] = (int)((i * 2654435761u) % 1000003u);
	check(a, n, 1234);
	check(a, 4096, 2049);
	check(a, 4096, 1024);
	free(a);
}

/* Lengths 0 to 300 of any values, k from 0 to 3n + 2 (past n too). */
Test(rotate_left, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 300; round++) {
		size_t n = rnd_len(300), k = (size_t)(rnd() % (3 * n + 3));
		int *a = malloc((n ? n : 1) * sizeof(*a)), *b = malloc((n ? n : 1) * sizeof(*b));
		cr_assert(a && b);
		for (size_t i = 0; i < n; i++)
			a[i] = b[i] = rnd_value();
		heap_input(n);
		rotate_left(b, n, k);
		heap_input_done();
		for (size_t i = 0; i < n; i++)
			cr_assert_eq(b[i], a[(i + k) % n], "random case %d (seed %llu): n = %zu, k = %zu: expected a[%zu] = %d, got %d",
				     round, (unsigned long long)seed, n, k, i, a[(i + k) % n], b[i]);
		free(a);
		free(b);
	}
}
