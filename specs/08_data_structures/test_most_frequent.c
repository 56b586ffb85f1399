/* test_most_frequent.c - correctness of most_frequent */
#include <criterion/criterion.h>
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "most_frequent.h"

#include "test_heap.h"
#include "test_random.h"

/* Calls most_frequent on a copy, checks that the copy is unchanged and
 * that the count and value are as expected; the heap the call holds is
 * held to the budget at n (the benchmark's n: test_heap.h). */
static void check(const int *a, size_t n, size_t want_count, int want_value)
{
	int *copy = malloc((n ? n : 1) * sizeof(*copy));
	cr_assert_not_null(copy);
	if (n)
		memcpy(copy, a, n * sizeof(*copy));
	int value = 0x5eed;
	heap_input(n);
	size_t count = most_frequent(copy, n, &value);
	heap_input_done();
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(copy[i], a[i], "most_frequent modified a[%zu]: was %d, is now %d", i, a[i],
			     copy[i]);
	cr_assert_eq(count, want_count, "expected a count of %zu, got %zu", want_count, count);
	cr_assert_eq(value, want_value, "expected the value %d, got %d", want_value, value);
	free(copy);
}

Test(most_frequent, empty_leaves_value_alone)
{
	check(NULL, 0, 0, 0x5eed);
	int a[] = { 4, 4 };
	check(a, 2, 2, 4);
}

Test(most_frequent, one_element)
{
	int a[] = { -17 };
	check(a, 1, 1, -17);
}

Test(most_frequent, clear_winner)
{
	int a[] = { 5, 1, 5, 2, 5, 3, 1 };
	check(a, 7, 3, 5);
}

Test(most_frequent, tie_goes_to_the_smallest)
{
	int a[] = { 9, 3, 9, 3, 7, 7 };
	check(a, 6, 2, 3);
	int b[] = { 2, 1 };
	check(b, 2, 1, 1);
}

Test(most_frequent, all_distinct)
{
	int a[] = { 10, -4, 8, 0, 33, -2 };
	check(a, 6, 1, -4);
}

Test(most_frequent, negative_and_extremes)
{
	int a[] = { INT_MAX, INT_MIN, INT_MAX, -1, INT_MIN, 0, -1 };
	check(a, 7, 2, INT_MIN);
	int b[] = { INT_MAX, INT_MAX, INT_MIN, 0 };
	check(b, 4, 2, INT_MAX);
}

Test(most_frequent, all_equal)
{
	int a[100];
	for (int i = 0; i < 100; i++)
		a[i] = -6;
	check(a, 100, 100, -6);
}

static int spread_value(size_t k)
{
	return (int)k * 4099 - 2000000;
}

Test(most_frequent, large)
{
	size_t n = 20000;
	int *a = malloc(n * sizeof(*a));
	cr_assert_not_null(a);
	/* Each of 1000 values spread over a wide range occurs 20 times: on
	 * that tie the smallest wins. */
	for (size_t i = 0; i < n; i++)
		a[i] = spread_value((i * 7919) % 1000);
	check(a, n, 20, spread_value(0));
	/* Three occurrences of value 1 become value 500: 23 of those. */
	for (size_t i = 0, moved = 0; i < n && moved < 3; i++) {
		if (a[i] == spread_value(1)) {
			a[i] = spread_value(500);
			moved++;
		}
	}
	check(a, n, 23, spread_value(500));
	free(a);
}

static int cmp_random(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* 0 to 400 values from a narrow range, the whole range or a few far apart
 * (the extremes included), against a sorted copy: the longest run, the
 * smallest value on a tie. */
Test(most_frequent, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 300; round++) {
		size_t n = rnd_len(400), best = 0;
		int *a = malloc((n ? n : 1) * sizeof(int)), *s = malloc((n ? n : 1) * sizeof(int));
		int kind = (int)(rnd() % 3), few[4] = { INT_MIN, INT_MAX, rnd_value(), rnd_value() }, want = 0;
		cr_assert(a && s);
		for (size_t i = 0; i < n; i++)
			s[i] = a[i] = kind == 0 ? (int)(rnd() % 9) - 4 : kind == 1 ? rnd_value() : few[rnd() % 4];
		qsort(s, n, sizeof(int), cmp_random);
		for (size_t i = 0, j; i < n; i = j) {
			for (j = i; j < n && s[j] == s[i]; j++)
				;
			if (j - i > best)
				best = j - i, want = s[i];
		}
		int value = 12345;
		heap_input(n);
		size_t got = most_frequent(a, n, &value);
		heap_input_done();
		cr_assert(got == best && (!n || value == want), "random case %d (seed %llu): n = %zu: expected %d, %zu times; got %d, %zu times",
			  round, (unsigned long long)seed, n, want, best, value, got);
		free(a);
		free(s);
	}
}
