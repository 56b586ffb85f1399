/* test_count_common.c - correctness of count_common */
#include <criterion/criterion.h>
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "count_common.h"

#include "test_heap.h"
#include "test_random.h"

/* Calls count_common on copies and checks that both are unchanged; the
 * heap the call holds is held to the budget at n = na + nb (the
 * benchmark's n: test_heap.h). */
static size_t check(const int *a, size_t na, const int *b, size_t nb)
{
	int *ca = malloc((na ? na : 1) * sizeof(int)), *cb = malloc((nb ? nb : 1) * sizeof(int));
	cr_assert(ca && cb);
	if (na)
		memcpy(ca, a, na * sizeof(int));
	if (nb)
		memcpy(cb, b, nb * sizeof(int));
	heap_input(na + nb);
	size_t got = count_common(ca, na, cb, nb);
	heap_input_done();
	for (size_t i = 0; i < na; i++)
		cr_assert_eq(ca[i], a[i], "count_common modified a[%zu]: was %d, is now %d", i, a[i], ca[i]);
	for (size_t i = 0; i < nb; i++)
		cr_assert_eq(cb[i], b[i], "count_common modified b[%zu]: was %d, is now %d", i, b[i], cb[i]);
	free(ca);
	free(cb);
	return got;
}

/* No test expects only 0: a function that always answers the same fails
 * all of them. */

Test(count_common, empty_arrays)
{
	int a[] = { 1, 2, 3 }, one[] = { 2 };
	size_t got = check(NULL, 0, NULL, 0);
	cr_assert_eq(got, 0, "expected 0 for two empty arrays, got %zu", got);
	got = check(a, 3, NULL, 0);
	cr_assert_eq(got, 0, "expected 0 when b is empty, got %zu", got);
	got = check(NULL, 0, a, 3);
	cr_assert_eq(got, 0, "expected 0 when a is empty, got %zu", got);
	got = check(a, 3, one, 1);
	cr_assert_eq(got, 1, "expected 1 for {1,2,3} and {2}, got %zu", got);
}

Test(count_common, disjoint_then_one_shared)
{
	int a[] = { 1, 3, 5 }, b[] = { 2, 4, 6, 8 };
	size_t got = check(a, 3, b, 4);
	cr_assert_eq(got, 0, "expected 0 for {1,3,5} and {2,4,6,8}, got %zu", got);
	b[3] = 5;
	got = check(a, 3, b, 4);
	cr_assert_eq(got, 1, "expected 1 for {1,3,5} and {2,4,6,5}, got %zu", got);
}

Test(count_common, identical)
{
	int a[] = { 9, 8, 7, 6 };
	size_t got = check(a, 4, a, 4);
	cr_assert_eq(got, 4, "expected 4 for an array and itself, got %zu", got);
}

Test(count_common, duplicates_count_once)
{
	int a[] = { 2, 2, 2, 3, 3 }, b[] = { 2, 3, 3, 3, 4 };
	size_t got = check(a, 5, b, 5);
	cr_assert_eq(got, 2, "expected 2 (values 2 and 3, each counted once), got %zu", got);
}

Test(count_common, negative_and_extremes)
{
	int a[] = { INT_MIN, -1, 0, INT_MAX }, b[] = { INT_MAX, 1, -1, INT_MIN + 1 };
	size_t got = check(a, 4, b, 4);
	cr_assert_eq(got, 2, "expected 2 (INT_MAX and -1), got %zu", got);
}

Test(count_common, different_lengths)
{
	int a[] = { 5 }, b[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 5 };
	size_t got = check(a, 1, b, 10);
	cr_assert_eq(got, 1, "expected 1 (the 5), got %zu", got);
}

Test(count_common, large)
{
	size_t n = 10000;
	int *a = malloc(n * sizeof(int)), *b = malloc(n * sizeof(int));
	cr_assert(a && b);
	/* a holds the multiples of 2 below 2n, b the multiples of 3 below 3n:
	 * they share the multiples of 6 below 2n. */
	for (size_t i = 0; i < n; i++) {
		a[i] = (int)(2 * ((i * 7919) % n));
		b[i] = (int)(3 * ((i * 104729) % n));
	}
	size_t want = 2 * (n - 1) / 6 + 1;
	size_t got = check(a, n, b, n);
	cr_assert_eq(got, want, "expected %zu common values, got %zu", want, got);
	free(a);
	free(b);
}

static int cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* Distinct values of a sorted in place. */
static size_t distinct(int *a, size_t n)
{
	size_t k = 0;
	qsort(a, n, sizeof(*a), cmp_int);
	for (size_t i = 0; i < n; i++)
		if (!k || a[k - 1] != a[i])
			a[k++] = a[i];
	return k;
}

static size_t oracle(const int *a, size_t na, const int *b, size_t nb)
{
	int *x = malloc((na ? na : 1) * sizeof(int)), *y = malloc((nb ? nb : 1) * sizeof(int));
	size_t count = 0;
	cr_assert(x && y);
	for (size_t i = 0; i < na; i++)
		x[i] = a[i];
	for (size_t i = 0; i < nb; i++)
		y[i] = b[i];
	size_t kx = distinct(x, na), ky = distinct(y, nb);
	for (size_t i = 0, j = 0; i < kx && j < ky;) {
		if (x[i] < y[j])
			i++;
		else if (x[i] > y[j])
			j++;
		else
			count++, i++, j++;
	}
	free(x);
	free(y);
	return count;
}

/* Lengths 0 to 300 each (one often empty); values from a shared narrow
 * range (repeats within and across), or from the whole range with some of
 * a's values copied into b at random places. */
Test(count_common, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 300; round++) {
		size_t na = rnd_len(300), nb = rnd_len(300);
		int *a = malloc((na ? na : 1) * sizeof(int)), *b = malloc((nb ? nb : 1) * sizeof(int));
		int narrow = rnd() % 2, span = 1 + (int)(rnd() % 200);
		cr_assert(a && b);
		for (size_t i = 0; i < na; i++)
			a[i] = narrow ? (int)(rnd() % (unsigned)span) - span / 2 : rnd_value();
		for (size_t i = 0; i < nb; i++)
			b[i] = narrow ? (int)(rnd() % (unsigned)span) - span / 2
			     : na && rnd() % 3 == 0 ? a[rnd() % na] : rnd_value();
		size_t want = oracle(a, na, b, nb), got = check(a, na, b, nb);
		cr_assert_eq(got, want, "random case %d (seed %llu): na = %zu, nb = %zu, values from %s: expected %zu, got %zu",
			     round, (unsigned long long)seed, na, nb, narrow ? "a narrow range" : "the whole range", want, got);
		free(a);
		free(b);
	}
}
