/* test_sort_ints.c - correctness of sort_ints */
#include <criterion/criterion.h>
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>

#include "sort_ints.h"

#include "test_heap.h"
#include "test_random.h"

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* Sorts a copy of a[0..n) and compares it with the same values sorted by
 * qsort: that checks the order and that no value was lost or made up. The
 * copy sits between two guard values that must survive. The heap the call
 * holds is held to the budget at n (the benchmark's n: test_heap.h); the
 * test's own qsort runs before it begins. */
static void check(const int *a, size_t n, const char *what)
{
	const int guard = 0x5eed;
	int *buf = malloc((n + 2) * sizeof(*buf)), *want = malloc((n ? n : 1) * sizeof(*want));
	cr_assert(buf && want);
	buf[0] = guard;
	buf[n + 1] = guard;
	for (size_t i = 0; i < n; i++)
		buf[i + 1] = want[i] = a[i];
	qsort(want, n, sizeof(*want), cmp_int);
	heap_input(n);
	sort_ints(buf + 1, n);
	heap_input_done();
	cr_assert_eq(buf[0], guard, "%s, n = %zu: wrote before the array (a[-1] is now %d)",
		     what, n, buf[0]);
	cr_assert_eq(buf[n + 1], guard, "%s, n = %zu: wrote past the array (a[n] is now %d)",
		     what, n, buf[n + 1]);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(buf[i + 1], want[i], "%s, n = %zu: expected a[%zu] = %d, got %d",
			     what, n, i, want[i], buf[i + 1]);
	free(buf);
	free(want);
}

Test(sort_ints, short_arrays)
{
	int a[] = { 5, -3, 1 };
	heap_input(0);
	sort_ints(NULL, 0);
	heap_input_done();
	check(a, 0, "empty");
	check(a, 1, "one element");
	check(a, 2, "{5, -3}");
	check(a, 3, "{5, -3, 1}");
}

Test(sort_ints, sorted_and_reversed)
{
	int up[100], down[100];
	for (int i = 0; i < 100; i++) {
		up[i] = i * 3 - 50;
		down[i] = 50 - i * 3;
	}
	check(down, 100, "descending");
	check(up, 100, "already sorted");
}

Test(sort_ints, duplicates)
{
	int a[] = { 4, 1, 4, 4, 2, 1, 9, 4, 0, 0, 9, 1 };
	check(a, 12, "repeated values");
	int b[64];
	for (int i = 0; i < 64; i++)
		b[i] = i % 2 ? 7 : -7;
	check(b, 64, "two values alternating");
}

Test(sort_ints, int_extremes)
{
	/* A comparison written as a subtraction overflows here. */
	int a[] = { INT_MAX, 0, INT_MIN, -1, 1, INT_MIN + 1, INT_MAX - 1, INT_MIN, INT_MAX };
	check(a, 9, "INT_MIN and INT_MAX mixed in");
}

Test(sort_ints, every_length_up_to_50)
{
	int a[50];
	for (size_t i = 0; i < 50; i++)
		a[i] = (int)((i * 7919u) % 61u) - 30;
	for (size_t n = 0; n <= 50; n++)
		check(a, n, "pseudo-random");
}

Test(sort_ints, large_random)
{
	size_t n = 12000;
	int *a = malloc(n * sizeof(*a));
	cr_assert_not_null(a);
	unsigned long long x = 88172645463325252ull;
	for (size_t i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		a[i] = (int)(x >> 32);
	}
	check(a, n, "random");
	for (size_t i = 0; i < n; i++)
		a[i] %= 100;
	check(a, n, "random in -99..99");
	free(a);
}

/* Lengths 0 to 400: any values, the extremes included, or a narrow range
 * (many repeats), in random, ascending or descending order. */
Test(sort_ints, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 300; round++) {
		size_t n = rnd_len(400);
		int *a = malloc((n ? n : 1) * sizeof(*a)), *want = malloc((n ? n : 1) * sizeof(*want));
		int narrow = rnd() % 3 == 0, order = (int)(rnd() % 4);
		cr_assert(a && want);
		for (size_t i = 0; i < n; i++)
			a[i] = narrow ? (int)(rnd() % 7) - 3 : rnd_value();
		if (order == 1 || order == 2)
			qsort(a, n, sizeof(*a), cmp_int);
		for (size_t i = 0; order == 2 && i < n / 2; i++) {
			int t = a[i];
			a[i] = a[n - 1 - i];
			a[n - 1 - i] = t;
		}
		for (size_t i = 0; i < n; i++)
			want[i] = a[i];
		qsort(want, n, sizeof(*want), cmp_int);
		heap_input(n);
		sort_ints(a, n);
		heap_input_done();
		for (size_t i = 0; i < n; i++)
			cr_assert_eq(a[i], want[i], "random case %d (seed %llu): n = %zu: expected a[%zu] = %d, got %d",
				     round, (unsigned long long)seed, n, i, want[i], a[i]);
		free(a);
		free(want);
	}
}
