/* private_has_duplicates.c - the course's private tests of has_duplicates:
 * named in the spec under tests.private, run at official grading only,
 * never in the students' repository (grader release leaves this file out).
 * They probe what a solution tuned to the public tests can get wrong. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "has_duplicates.h"

/* Calls has_duplicates on a copy, so that a solution that sorts in place
 * fails here as it does in the public tests. */
static bool on_copy(const int *a, size_t n)
{
	int *copy = malloc((n ? n : 1) * sizeof(*copy));
	cr_assert_not_null(copy);
	if (n)
		memcpy(copy, a, n * sizeof(*copy));
	bool got = has_duplicates(copy, n);
	cr_assert_eq(memcmp(copy, a, n * sizeof(*copy)), 0, "has_duplicates modified its input");
	free(copy);
	return got;
}

/* Already sorted, the only pair adjacent and last: a solution that skips
 * the last comparison of a sorted scan misses it. */
Test(has_duplicates, sorted_pair_at_the_end)
{
	int a[300];
	for (int i = 0; i < 300; i++)
		a[i] = i * 3 - 450;
	cr_assert_eq(on_copy(a, 300), false, "expected false for 300 ascending values, got true");
	a[299] = a[298];
	cr_assert_eq(on_copy(a, 300), true, "expected true: the last two values are equal, got false");
}

/* Multiples of 65536 that differ only in their high bits: hash tables
 * indexed by the low bits put them all in one bucket, and a comparison by
 * subtraction overflows between the extremes. */
Test(has_duplicates, values_that_differ_in_high_bits_only)
{
	int a[2048];
	for (int i = 0; i < 2048; i++)
		a[i] = (int)((unsigned)(i - 1024) * 65536u);
	cr_assert_eq(on_copy(a, 2048), false, "expected false for 2048 distinct multiples of 65536, got true");
	a[1500] = a[3];
	cr_assert_eq(on_copy(a, 2048), true, "expected true after copying a[3] into a[1500], got false");
	int b[] = { INT_MAX, INT_MIN + 1, INT_MIN, INT_MAX - 1 };
	cr_assert_eq(on_copy(b, 4), false, "expected false for four distinct extremes, got true");
}
