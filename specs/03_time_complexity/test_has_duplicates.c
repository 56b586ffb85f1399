/* test_has_duplicates.c - correctness of has_duplicates */
#include <criterion/criterion.h>
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "has_duplicates.h"

#include "test_heap.h"
#include "test_random.h"

/* Calls has_duplicates on a copy and checks that the copy is unchanged;
 * the heap the call holds is held to the budget at n (test_heap.h). */
static bool check(const int *a, size_t n)
{
	int *copy = malloc((n ? n : 1) * sizeof(*copy));
	cr_assert_not_null(copy);
	if (n)
		memcpy(copy, a, n * sizeof(*copy));
	heap_input(n);
	bool got = has_duplicates(copy, n);
	heap_input_done();
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(copy[i], a[i], "has_duplicates modified its input: a[%zu] was %d, is now %d",
			     i, a[i], copy[i]);
	free(copy);
	return got;
}

/* Every test checks a "yes" and a "no" case: a function that always
 * answers the same fails all of them. */

Test(has_duplicates, tiny_arrays)
{
	int one[] = { 7 }, two[] = { 5, 5 };
	cr_assert_eq(check(NULL, 0), false, "expected false for n = 0, got true");
	cr_assert_eq(check(one, 1), false, "expected false for {7}, got true");
	cr_assert_eq(check(two, 2), true, "expected true for {5, 5}, got false");
}

Test(has_duplicates, distinct_then_one_repeat)
{
	int a[] = { 3, 1, 4, 15, 9, 2, 6, 5, 35, 8 };
	cr_assert_eq(check(a, 10), false, "expected false for ten distinct values, got true");
	a[9] = 3;
	cr_assert_eq(check(a, 10), true, "expected true: 3 is first and last, got false");
}

Test(has_duplicates, duplicate_far_apart)
{
	int a[] = { 42, 1, 2, 3, 4, 5, 6, 7, 8, 42 };
	cr_assert_eq(check(a, 10), true, "expected true: 42 is first and last, got false");
	a[9] = 43;
	cr_assert_eq(check(a, 10), false, "expected false for {42, 1, ..., 8, 43}, got true");
}

Test(has_duplicates, all_equal)
{
	int a[64];
	for (int i = 0; i < 64; i++)
		a[i] = -3;
	cr_assert_eq(check(a, 64), true, "expected true for 64 copies of -3, got false");
	for (int i = 0; i < 64; i++)
		a[i] = -3 + 2 * i;
	cr_assert_eq(check(a, 64), false, "expected false for -3, -1, 1, ..., 123, got true");
}

Test(has_duplicates, negative_values)
{
	int a[] = { -1, -2, -3, 1, 2, 3 };
	cr_assert_eq(check(a, 6), false, "expected false: -1 and 1 are different values");
	int b[] = { -7, 0, 7, -7 };
	cr_assert_eq(check(b, 4), true, "expected true: -7 occurs twice, got false");
}

Test(has_duplicates, int_extremes)
{
	int a[] = { INT_MIN, INT_MAX, 0, -1, 1 };
	cr_assert_eq(check(a, 5), false, "expected false for {INT_MIN, INT_MAX, 0, -1, 1}, got true");
	int b[] = { INT_MAX, INT_MIN, INT_MAX };
	cr_assert_eq(check(b, 3), true, "expected true: INT_MAX occurs twice, got false");
	int c[] = { INT_MIN, 5, INT_MIN };
	cr_assert_eq(check(c, 3), true, "expected true: INT_MIN occurs twice, got false");
}

Test(has_duplicates, large_distinct_then_one_repeat)
{
	size_t n = 20000;
	int *a = malloc(n * sizeof(*a));
	cr_assert_not_null(a);
	for (size_t i = 0; i < n; i++)
		a[i] = (int)((i * 7919u) % 20011u) - 10000;
	cr_assert_eq(check(a, n), false, "expected false for %zu distinct values, got true", n);
	a[n / 2] = a[n - 7];
	cr_assert_eq(check(a, n), true, "expected true after copying a[%zu] into a[%zu], got false",
		     n - 7, n / 2);
	free(a);
}

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

static bool oracle(const int *a, size_t n)
{
	int *s = malloc((n ? n : 1) * sizeof(*s));
	bool dup = false;
	cr_assert_not_null(s);
	for (size_t i = 0; i < n; i++)
		s[i] = a[i];
	qsort(s, n, sizeof(*s), cmp_int);
	for (size_t i = 1; i < n && !dup; i++)
		dup = s[i - 1] == s[i];
	free(s);
	return dup;
}

/* Lengths 0 to 400; values from a narrow range, from the whole range (the
 * extremes included), or all distinct with one copy planted at random
 * places, half of the time. */
Test(has_duplicates, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 400; round++) {
		size_t n = rnd_len(400), p = 0, q = 0;
		int *a = malloc((n ? n : 1) * sizeof(*a));
		int kind = (int)(rnd() % 3), span = 1 + (int)(rnd() % (n + 1));
		cr_assert_not_null(a);
		for (size_t i = 0; i < n; i++)
			a[i] = kind == 0 ? (int)(rnd() % (unsigned)span) - span / 2
			     : kind == 1 ? rnd_value() : (int)((uint32_t)i * 2654435761u);
		if (kind == 2 && n >= 2 && rnd() % 2) {
			p = (size_t)(rnd() % n);
			q = (size_t)(rnd() % (n - 1));
			q += q >= p;
			a[q] = a[p];
		}
		bool want = oracle(a, n), got = check(a, n);
		cr_assert_eq(got, want, "random case %d (seed %llu): n = %zu, %s%s: expected %s, got %s", round,
			     (unsigned long long)seed, n,
			     kind == 0 ? "values from a narrow range" : kind == 1 ? "values from the whole range" : "distinct values",
			     kind == 2 && p != q ? " with one copied" : "", want ? "true" : "false", got ? "true" : "false");
		free(a);
	}
}

/* A few values spread over ranges from 2^4 to 2^31 wide: a table over
 * [min, max] is as large as the range, whatever n is, and the heap budget
 * holds at each of these inputs (test_heap.h). */
Test(has_duplicates, few_values_wide_range)
{
	uint64_t seed = rnd_seed();
	for (int bits = 4; bits <= 31; bits++) {
		int a[8];
		long long base = -(1LL << (bits - 1));
		for (size_t i = 0; i < 8; i++)
			a[i] = (int)(base + (long long)((uint64_t)i << (bits - 3)) + (long long)(rnd() % (1u << (bits - 3))));
		cr_assert_eq(check(a, 8), false, "expected false for 8 distinct values over a range 2^%d wide (seed %llu)",
			     bits, (unsigned long long)seed);
		a[7] = a[rnd() % 7];
		cr_assert_eq(check(a, 8), true, "expected true: a[7] copies an earlier value, range 2^%d wide (seed %llu)",
			     bits, (unsigned long long)seed);
	}
}
