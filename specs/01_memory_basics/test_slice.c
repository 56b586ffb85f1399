/* test_slice.c - correctness of slice: the view points into the array */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

#include "slice.h"

#include "test_heap.h"
#include "test_random.h"

static const int digits[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };

/* Every test calls slice through this: the heap the call holds is held to
 * the budget (none) at n, the array's length (the benchmark's n:
 * test_heap.h). */
static struct int_view sliced(const int *a, size_t n, size_t from, size_t to)
{
	heap_input(n);
	struct int_view v = slice(a, n, from, to);
	heap_input_done();
	return v;
}

/* Checks that v is exactly the view a[from..from+len). */
static void check(const char *what, struct int_view v, const int *a, size_t from, size_t len)
{
	cr_assert_eq(v.len, len, "%s: expected len %zu, got %zu", what, len, v.len);
	cr_assert(v.data == a + from,
		  "%s: expected data to point at a[%zu] (into the array, not a copy), got %p for a = %p",
		  what, from, (const void *)v.data, (const void *)a);
}

Test(slice, middle)
{
	check("slice(digits, 10, 2, 5)", sliced(digits, 10, 2, 5), digits, 2, 3);
}

Test(slice, whole_array)
{
	check("slice(digits, 10, 0, 10)", sliced(digits, 10, 0, 10), digits, 0, 10);
}

Test(slice, one_element)
{
	struct int_view v = sliced(digits, 10, 9, 10);
	check("slice(digits, 10, 9, 10)", v, digits, 9, 1);
	cr_assert_eq(v.data[0], 9, "expected the element 9, got %d", v.data[0]);
}

Test(slice, to_past_the_end_is_clamped)
{
	check("slice(digits, 10, 7, 100)", sliced(digits, 10, 7, 100), digits, 7, 3);
	check("slice(digits, 10, 0, (size_t)-1)", sliced(digits, 10, 0, (size_t)-1), digits, 0, 10);
}

Test(slice, empty_views)
{
	struct int_view v = sliced(digits, 10, 4, 4);
	cr_assert_eq(v.len, 0, "slice(digits, 10, 4, 4): expected len 0, got %zu", v.len);
	cr_assert(v.data >= digits && v.data <= digits + 10,
		  "slice(digits, 10, 4, 4): expected data into the array or just past it");
	v = sliced(digits, 10, 6, 2);
	cr_assert_eq(v.len, 0, "slice(digits, 10, 6, 2): expected len 0 (from > to), got %zu", v.len);
	cr_assert(v.data >= digits && v.data <= digits + 10,
		  "slice(digits, 10, 6, 2): expected data into the array or just past it");
	v = sliced(digits, 10, 50, 60);
	cr_assert_eq(v.len, 0, "slice(digits, 10, 50, 60): expected len 0 (past the end), got %zu", v.len);
	cr_assert(v.data >= digits && v.data <= digits + 10,
		  "slice(digits, 10, 50, 60): expected data into the array or just past it");
	v = sliced(NULL, 0, 0, 3);
	cr_assert_eq(v.len, 0, "slice(NULL, 0, 0, 3): expected len 0, got %zu", v.len);
	cr_assert_null(v.data, "slice(NULL, 0, 0, 3): expected data NULL, got %p", (const void *)v.data);
}

Test(slice, slice_of_a_slice)
{
	struct int_view outer = sliced(digits, 10, 2, 9);
	struct int_view inner = sliced(outer.data, outer.len, 3, 5);
	check("slice(slice(digits, 10, 2, 9), 3, 5)", inner, digits, 5, 2);
}

Test(slice, a_view_sees_later_writes)
{
	int a[6] = { 10, 20, 30, 40, 50, 60 };
	struct int_view v = sliced(a, 6, 1, 4);
	check("slice(a, 6, 1, 4)", v, a, 1, 3);
	a[2] = -7;
	cr_assert_eq(v.data[1], -7, "expected the view to see a[2] = -7 written after slicing, got %d",
		     v.data[1]);
}

Test(slice, large_array)
{
	static int big[1 << 20];
	size_t n = sizeof(big) / sizeof(big[0]);
	check("slice(big, 1M, 1000, 1M - 1000)", sliced(big, n, 1000, n - 1000), big, 1000, n - 2000);
}

/* Arrays of 0 to 50 ints, bounds from 0 to 2n + 2 (past the end, and from
 * after to), against the clamping rule. */
Test(slice, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	int a[50];
	for (int round = 0; round < 500; round++) {
		size_t n = rnd_len(50), from = (size_t)(rnd() % (2 * n + 3)), to = (size_t)(rnd() % (2 * n + 3));
		size_t end = to < n ? to : n, len = from < end ? end - from : 0;
		struct int_view v = sliced(a, n, from, to);
		cr_assert_eq(v.len, len, "random case %d (seed %llu): n = %zu, [%zu, %zu): expected len %zu, got %zu",
			     round, (unsigned long long)seed, n, from, to, len, v.len);
		if (len)
			cr_assert(v.data == a + from, "random case %d (seed %llu): n = %zu, [%zu, %zu): expected data = a + %zu",
				  round, (unsigned long long)seed, n, from, to, from);
	}
}
