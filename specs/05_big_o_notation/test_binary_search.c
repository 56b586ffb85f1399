/* test_binary_search.c - correctness of binary_search */
#include <criterion/criterion.h>
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>

#include "binary_search.h"

#include "test_heap.h"
#include "test_random.h"

/* Searches a copy of a[0..n) for key, checks that the copy is unchanged and
 * that the answer is right: an index of key when present, -1 when not.
 * The heap the call holds is held to the budget (none) at n, the array's
 * length (the benchmark's n: test_heap.h). */
static void check(const int *a, size_t n, int key)
{
	int *copy = malloc((n ? n : 1) * sizeof(*copy));
	cr_assert_not_null(copy);
	int present = 0;
	for (size_t i = 0; i < n; i++) {
		copy[i] = a[i];
		present |= a[i] == key;
	}
	heap_input(n);
	ptrdiff_t got = binary_search(copy, n, key);
	heap_input_done();
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(copy[i], a[i], "binary_search modified a[%zu]: was %d, is now %d",
			     i, a[i], copy[i]);
	free(copy);
	if (present)
		cr_assert(got >= 0 && (size_t)got < n && a[got] == key,
			  "n = %zu, key = %d: expected an index of %d, got %td%s", n, key, key, got,
			  got >= 0 && (size_t)got < n ? " (which holds another value)" : "");
	else
		cr_assert_eq(got, -1, "n = %zu, key = %d: expected -1 (not present), got %td",
			     n, key, got);
}

Test(binary_search, empty_and_single)
{
	int a[] = { 42 };
	check(NULL, 0, 42);
	check(a, 1, 42);
	check(a, 1, 41);
	check(a, 1, 43);
}

Test(binary_search, first_middle_last)
{
	int a[] = { 2, 3, 5, 7, 11, 13, 17, 19, 23 };
	check(a, 9, 2);
	check(a, 9, 11);
	check(a, 9, 23);
}

Test(binary_search, absent_before_between_after)
{
	int a[] = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29 };
	check(a, 10, 1);
	check(a, 10, 12);
	check(a, 10, 30);
	check(a, 10, 3);
}

Test(binary_search, every_key_every_length)
{
	/* a[i] = 3i: the keys 3i are present, 3i+1 and 3i-1 are not. */
	int a[70];
	for (int i = 0; i < 70; i++)
		a[i] = 3 * i;
	for (size_t n = 1; n <= 70; n++)
		for (int key = -2; key <= 3 * (int)n + 1; key++)
			check(a, n, key);
}

Test(binary_search, duplicates)
{
	int a[] = { 1, 4, 4, 4, 4, 4, 4, 9, 9, 10 };
	check(a, 10, 4);
	check(a, 10, 9);
	check(a, 10, 5);
	int b[] = { 6, 6, 6, 6, 6, 6, 6 };
	check(b, 7, 6);
	check(b, 7, 7);
}

Test(binary_search, int_extremes)
{
	/* A comparison written as a subtraction overflows here. */
	int a[] = { INT_MIN, INT_MIN + 1, -5, 0, 5, INT_MAX - 1, INT_MAX };
	for (size_t i = 0; i < 7; i++)
		check(a, 7, a[i]);
	check(a, 7, 1);
	int b[] = { INT_MIN, 0, INT_MAX };
	check(b + 1, 2, INT_MIN);
	check(b, 2, INT_MAX);
}

Test(binary_search, large)
{
	size_t n = 1u << 18;
	int *a = malloc(n * sizeof(*a));
	cr_assert_not_null(a);
	for (size_t i = 0; i < n; i++)
		a[i] = (int)(2 * i) - (int)n;
	for (size_t i = 0; i < n; i += 4093) {
		heap_input(n);
		ptrdiff_t got = binary_search(a, n, a[i]);
		heap_input_done();
		cr_assert_eq(got, (ptrdiff_t)i, "n = %zu, key = %d: expected %zu, got %td", n, a[i], i, got);
		heap_input(n);
		got = binary_search(a, n, a[i] + 1);
		heap_input_done();
		cr_assert_eq(got, -1, "n = %zu, key = %d: expected -1 (not present), got %td", n,
			     a[i] + 1, got);
	}
	heap_input(n);
	ptrdiff_t got = binary_search(a, n, a[n - 1]);
	heap_input_done();
	cr_assert_eq(got, (ptrdiff_t)(n - 1), "n = %zu, key = %d (the last): expected %zu, got %td",
		     n, a[n - 1], n - 1, got);
	free(a);
}

static int cmp_random(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* Sorted arrays of 0 to 400 values, with runs of repeats and the extremes;
 * keys taken from the array or drawn at random (mostly absent). */
Test(binary_search, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 300; round++) {
		size_t n = rnd_len(400);
		int *a = malloc((n ? n : 1) * sizeof(*a));
		cr_assert_not_null(a);
		for (size_t i = 0; i < n; i++)
			a[i] = rnd_value();
		qsort(a, n, sizeof(*a), cmp_random);
		for (int j = 0; j < 8; j++) {
			int key = n && j % 2 ? a[rnd() % n] : rnd_value();
			int present = 0;
			for (size_t i = 0; i < n; i++)
				present |= a[i] == key;
			heap_input(n);
			ptrdiff_t got = binary_search(a, n, key);
			heap_input_done();
			if (present)
				cr_assert(got >= 0 && (size_t)got < n && a[got] == key,
					  "random case %d (seed %llu): n = %zu, key = %d: expected an index of %d, got %td",
					  round, (unsigned long long)seed, n, key, key, got);
			else
				cr_assert_eq(got, -1, "random case %d (seed %llu): n = %zu, key = %d: expected -1, got %td",
					     round, (unsigned long long)seed, n, key, got);
		}
		free(a);
	}
}
