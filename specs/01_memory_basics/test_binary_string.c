/* test_binary_string.c - correctness of binary_string: right digits, and a
 * string of its own that outlives the call */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "binary_string.h"

#include "test_heap.h"
#include "test_random.h"

/* Checks binary_string(x) against want, then frees it as the caller must;
 * the heap the call holds (the string it returns included) is held to the
 * budget at n = 1, one string alive (the benchmark's n counts the strings
 * alive at once: test_heap.h). */
static void check(uint64_t x, const char *want)
{
	heap_input(1);
	char *got = binary_string(x);
	heap_input_done();
	cr_assert_not_null(got, "binary_string(%llu): expected \"%s\", got NULL",
			   (unsigned long long)x, want);
	cr_assert_str_eq(got, want, "binary_string(%llu): expected \"%s\", got \"%s\"",
			 (unsigned long long)x, want, got);
	free(got);
}

Test(binary_string, zero_and_one)
{
	check(0, "0");
	check(1, "1");
}

Test(binary_string, small_values)
{
	check(2, "10");
	check(5, "101");
	check(10, "1010");
	check(255, "11111111");
	check(256, "100000000");
}

Test(binary_string, largest_value)
{
	check(UINT64_MAX, "1111111111111111111111111111111111111111111111111111111111111111");
	check((uint64_t)1 << 63, "1000000000000000000000000000000000000000000000000000000000000000");
}

Test(binary_string, results_outlive_later_calls)
{
	/* three strings alive at once: n = 3, as in the benchmark */
	heap_input(3);
	char *five = binary_string(5);
	char *six = binary_string(6);
	char *big = binary_string(0xdeadbeef);
	heap_input_done();
	cr_assert(five && six && big, "expected three strings, got a NULL");
	cr_assert_neq(five, six, "expected two calls to return two strings, got the same pointer twice");
	cr_assert_str_eq(five, "101", "expected \"101\" to survive two more calls, got \"%s\"", five);
	cr_assert_str_eq(six, "110", "expected \"110\" to survive another call, got \"%s\"", six);
	cr_assert_str_eq(big, "11011110101011011011111011101111",
			 "binary_string(0xdeadbeef): expected \"11011110101011011011111011101111\", got \"%s\"",
			 big);
	free(five);
	free(six);
	free(big);
}

Test(binary_string, result_belongs_to_the_caller)
{
	heap_input(1);
	char *s = binary_string(9);
	heap_input_done();
	cr_assert_not_null(s, "binary_string(9): expected \"1001\", got NULL");
	s[0] = 'x';
	/* n = 1 again: s was held before this call began, and only what a
	 * call adds is counted */
	heap_input(1);
	char *t = binary_string(9);
	heap_input_done();
	cr_assert_not_null(t, "binary_string(9): expected \"1001\", got NULL");
	cr_assert_str_eq(t, "1001",
			 "expected \"1001\" after the caller changed an earlier result, got \"%s\"", t);
	cr_assert_str_eq(s, "x001", "expected the caller's own change to stay, got \"%s\"", s);
	free(s);
	free(t);
}

Test(binary_string, every_width)
{
	char want[65];
	for (unsigned bits = 1; bits <= 64; bits++) {
		uint64_t x = (uint64_t)1 << (bits - 1) | 1;
		memset(want, '0', bits);
		want[0] = '1';
		want[bits - 1] = '1';
		want[bits] = '\0';
		check(x, want);
	}
}

/* Any 64-bit value (small ones, single bits and runs of ones more often),
 * against its digits worked out here; every string freed by the caller. */
Test(binary_string, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 500; round++) {
		uint64_t x = rnd();
		switch (rnd() % 4) {
		case 0: x %= 64; break;
		case 1: x = (uint64_t)1 << (x % 64); break;
		case 2: x >>= x % 64; break;
		}
		char want[65];
		int len = 0;
		for (int bit = 63; bit >= 0; bit--)
			if (len || (x >> bit & 1) || bit == 0)
				want[len++] = (char)('0' + (x >> bit & 1));
		want[len] = '\0';
		heap_input(1);
		char *got = binary_string(x);
		heap_input_done();
		cr_assert(got && !strcmp(got, want), "random case %d (seed %llu): expected \"%s\" for %llu, got \"%s\"",
			  round, (unsigned long long)seed, want, (unsigned long long)x, got ? got : "(NULL)");
		free(got);
	}
}
