/* test_smooth.c - correctness of smooth, into another array and in place */
#include <criterion/criterion.h>
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "smooth.h"

#include "test_heap.h"
#include "test_random.h"

/* Checks smooth(out, in, n) into a separate array (in unchanged) and in
 * place, both against want; the heap each call holds is held to the
 * budget (none) at n, the number of values (the benchmark's n:
 * test_heap.h). */
static void check(const char *what, const int *in, size_t n, const int *want)
{
	int *src = malloc((n + 1) * sizeof(int)), *dst = malloc((n + 1) * sizeof(int));
	cr_assert(src && dst);
	memcpy(src, in, n * sizeof(int));
	for (size_t i = 0; i <= n; i++)
		dst[i] = -12345;
	src[n] = -6789;

	heap_input(n);
	smooth(dst, src, n);
	heap_input_done();
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(dst[i], want[i], "%s, into another array: expected out[%zu] = %d, got %d",
			     what, i, want[i], dst[i]);
		cr_assert_eq(src[i], in[i], "%s: smooth modified in[%zu] (%d, now %d) though out is another array",
			     what, i, in[i], src[i]);
	}
	cr_assert_eq(dst[n], -12345, "%s: smooth wrote past out[%zu]", what, n);

	heap_input(n);
	smooth(src, src, n);
	heap_input_done();
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(src[i], want[i], "%s, in place: expected a[%zu] = %d, got %d",
			     what, i, want[i], src[i]);
	cr_assert_eq(src[n], -6789, "%s: smooth wrote past a[%zu]", what, n);
	free(src);
	free(dst);
}

Test(smooth, three_values)
{
	int in[] = { 3, 6, 9 }, want[] = { 4, 6, 7 };
	check("{3, 6, 9}", in, 3, want);
}

Test(smooth, a_spike)
{
	int in[] = { 0, 0, 0, 90, 0, 0, 0 }, want[] = { 0, 0, 30, 30, 30, 0, 0 };
	check("a spike of 90", in, 7, want);
}

Test(smooth, a_ramp)
{
	int in[] = { 0, 10, 20, 30, 40, 50 }, want[] = { 5, 10, 20, 30, 40, 45 };
	check("a ramp", in, 6, want);
}

Test(smooth, one_and_two_values)
{
	int one[] = { -7 }, want_one[] = { -7 };
	check("{-7}", one, 1, want_one);
	int two[] = { 4, 9 }, want_two[] = { 6, 6 };
	check("{4, 9}", two, 2, want_two);
	heap_input(0);
	smooth(NULL, NULL, 0);
	heap_input_done();
}

Test(smooth, rounds_toward_zero)
{
	int in[] = { -1, -1, 0, 1, 1 }, want[] = { -1, 0, 0, 0, 1 };
	check("{-1, -1, 0, 1, 1}", in, 5, want);
	int neg[] = { -5, 0, 0, -2 }, want_neg[] = { -2, -1, 0, -1 };
	check("{-5, 0, 0, -2}", neg, 4, want_neg);
}

Test(smooth, int_extremes)
{
	int in[] = { INT_MAX, INT_MAX, INT_MAX, INT_MIN, INT_MIN, INT_MIN };
	int want[] = { INT_MAX, INT_MAX, (int)((2LL * INT_MAX + INT_MIN) / 3),
		       (int)((INT_MAX + 2LL * INT_MIN) / 3), INT_MIN, INT_MIN };
	check("INT_MAX and INT_MIN", in, 6, want);
}

Test(smooth, long_random)
{
	size_t n = 10000;
	int *in = malloc(n * sizeof(int)), *want = malloc(n * sizeof(int));
	cr_assert(in && want);
	unsigned x = 12345;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		in[i] = (int)(x >> 8) % 2001 - 1000;
	}
	for (size_t i = 0; i < n; i++) {
		long long sum = in[i];
		int count = 1;
		if (i > 0)
			sum += in[i - 1], count++;
		if (i + 1 < n)
			sum += in[i + 1], count++;
		want[i] = (int)(sum / count);
	}
	check("10000 random values", in, n, want);
	free(in);
	free(want);
}

/* 0 to 300 values of any size (sums that overflow int included), into
 * another array and in place, against means taken in 64 bits. */
Test(smooth, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 300; round++) {
		size_t n = rnd_len(300);
		int *in = malloc((n ? n : 1) * sizeof(int)), *out = malloc((n ? n : 1) * sizeof(int));
		int *same = malloc((n ? n : 1) * sizeof(int));
		cr_assert(in && out && same);
		for (size_t i = 0; i < n; i++)
			same[i] = in[i] = rnd_value();
		heap_input(n);
		smooth(out, in, n);
		smooth(same, same, n);
		heap_input_done();
		for (size_t i = 0; i < n; i++) {
			long long sum = in[i];
			int count = 1;
			if (i > 0)
				sum += in[i - 1], count++;
			if (i + 1 < n)
				sum += in[i + 1], count++;
			int want = (int)(sum / count);
			cr_assert(out[i] == want && same[i] == want,
				  "random case %d (seed %llu): n = %zu: expected out[%zu] = %d, got %d (%d in place)",
				  round, (unsigned long long)seed, n, i, want, out[i], same[i]);
		}
		free(in);
		free(out);
		free(same);
	}
}
