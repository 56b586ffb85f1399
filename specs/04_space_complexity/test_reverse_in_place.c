/* test_reverse_in_place.c - correctness of reverse_in_place */
#include <criterion/criterion.h>
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>

#include "reverse_in_place.h"

#include "test_heap.h"
#include "test_random.h"

/* Reverses a copy of a[0..n) and checks every element against the mirror
 * image of a. The copy sits between two guard values that must survive.
 * The heap the call holds is held to the budget (none) at n (the
 * benchmark's n: test_heap.h). */
static void check(const int *a, size_t n)
{
	const int guard = 0x5eed;
	int *buf = malloc((n + 2) * sizeof(*buf));
	cr_assert_not_null(buf);
	buf[0] = guard;
	buf[n + 1] = guard;
	for (size_t i = 0; i < n; i++)
		buf[i + 1] = a[i];
	heap_input(n);
	reverse_in_place(buf + 1, n);
	heap_input_done();
	cr_assert_eq(buf[0], guard, "n = %zu: wrote before the array (a[-1] is now %d)", n, buf[0]);
	cr_assert_eq(buf[n + 1], guard, "n = %zu: wrote past the array (a[n] is now %d)", n, buf[n + 1]);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(buf[i + 1], a[n - 1 - i], "n = %zu: expected a[%zu] = %d, got %d",
			     n, i, a[n - 1 - i], buf[i + 1]);
	free(buf);
}

Test(reverse_in_place, short_arrays)
{
	int a[] = { 10, 20, 30 };
	heap_input(0);
	reverse_in_place(NULL, 0);
	heap_input_done();
	check(a, 0);
	check(a, 1);
	check(a, 2);
	check(a, 3);
}

Test(reverse_in_place, odd_length_keeps_middle)
{
	int a[] = { 1, 2, 3, 4, 5, 6, 7 };
	check(a, 7);
}

Test(reverse_in_place, even_length)
{
	int a[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	check(a, 8);
}

Test(reverse_in_place, equal_values_and_extremes)
{
	int a[] = { INT_MIN, 0, 0, INT_MAX, -1, -1, INT_MIN, 7, INT_MAX };
	check(a, 9);
	int b[] = { 4, 4, 4, 4, 9 };
	check(b, 5);
}

Test(reverse_in_place, reversing_twice_restores)
{
	int a[] = { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5 };
	int b[11];
	for (size_t i = 0; i < 11; i++)
		b[i] = a[i];
	heap_input(11);
	reverse_in_place(b, 11);
	heap_input_done();
	cr_assert_eq(b[0], 5, "expected a[0] = 5 after one reversal, got %d", b[0]);
	heap_input(11);
	reverse_in_place(b, 11);
	heap_input_done();
	for (size_t i = 0; i < 11; i++)
		cr_assert_eq(b[i], a[i], "expected a[%zu] = %d after two reversals, got %d", i, a[i], b[i]);
}

Test(reverse_in_place, every_length_up_to_40)
{
	int a[40];
	for (size_t i = 0; i < 40; i++)
		a[i] = (int)(i * 37 % 41) - 20;
	for (size_t n = 0; n <= 40; n++)
		check(a, n);
}

Test(reverse_in_place, large)
{
	size_t n = 100001;
	int *a = malloc(n * sizeof(*a));
	cr_assert_not_null(a);
	for (size_t i = 0; i < n; i++)
		a[i] = (int)((i * 2654435761u) % 1000003u);
	check(a, n);
	free(a);
}

/* Lengths 0 to 500 of any values, the extremes included. */
Test(reverse_in_place, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 300; round++) {
		size_t n = rnd_len(500);
		int *a = malloc((n ? n : 1) * sizeof(*a)), *b = malloc((n ? n : 1) * sizeof(*b));
		cr_assert(a && b);
		for (size_t i = 0; i < n; i++)
			a[i] = b[i] = rnd_value();
		heap_input(n);
		reverse_in_place(b, n);
		heap_input_done();
		for (size_t i = 0; i < n; i++)
			cr_assert_eq(b[i], a[n - 1 - i], "random case %d (seed %llu): n = %zu: expected a[%zu] = %d, got %d",
				     round, (unsigned long long)seed, n, i, a[n - 1 - i], b[i]);
		free(a);
		free(b);
	}
}
