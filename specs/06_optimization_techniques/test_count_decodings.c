/* test_count_decodings.c - correctness of count_decodings (inputs short
 * enough that even the exponential recursion finishes: speed is the
 * complexity check's job) */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "count_decodings.h"

#include "test_heap.h"
#include "test_random.h"

/* Calls count_decodings on a copy; the heap the call holds is held to the
 * budget at n = the number of digits (the benchmark's n: test_heap.h). */
static void check(const char *digits, uint64_t want)
{
	char copy[128];
	cr_assert(strlen(digits) < sizeof(copy));
	strcpy(copy, digits);
	heap_input(strlen(digits));
	uint64_t got = count_decodings(copy);
	heap_input_done();
	cr_assert_str_eq(copy, digits, "count_decodings modified its input \"%s\"", digits);
	cr_assert_eq(got, want, "count_decodings(\"%s\"): expected %llu, got %llu", digits,
		     (unsigned long long)want, (unsigned long long)got);
}

Test(count_decodings, examples)
{
	check("12", 2);
	check("226", 3);
	check("06", 0);
}

Test(count_decodings, empty_and_single_digits)
{
	check("", 1);
	check("0", 0);
	check("1", 1);
	check("9", 1);
}

Test(count_decodings, pairs_up_to_26)
{
	check("26", 2);
	check("27", 1);
	check("10", 1);
	check("20", 1);
	check("30", 0);
	check("19", 2);
	check("99", 1);
}

Test(count_decodings, zeros)
{
	check("100", 0);
	check("101", 1);
	check("1001", 0);
	check("110", 1);
	check("2101", 1);
	check("1201234", 3);
}

Test(count_decodings, fibonacci_runs)
{
	/* a run of k ones decodes in fib(k + 1) ways */
	check("1111111111", 89);
	check("22222222222222222222", 10946);
	check("121212121212121212121212", 75025);
}

Test(count_decodings, mixed)
{
	check("11106", 2);
	check("2611055971756562", 4);
	check("1234567891011121314151617181920212223242526", 259584);
}

Test(count_decodings, long_string_with_one_way)
{
	char s[101];
	for (int i = 0; i < 100; i++)
		s[i] = i % 2 ? '7' : '3';
	s[100] = '\0';
	check(s, 1);
	s[0] = '1';
	check(s, 2);
}

/* Strings of 0 to 20 digits (short, as the other tests: the naive
 * recursion must pass the tests and fail only the growth check), mostly 1
 * and 2 (many ways), with 0s and the other digits now and then, against a
 * loop. */
Test(count_decodings, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 300; round++) {
		size_t n = rnd_len(20);
		char d[21];
		for (size_t i = 0; i < n; i++)
			d[i] = rnd() % 4 ? (char)('1' + rnd() % 2) : (char)('0' + rnd() % 10);
		d[n] = '\0';
		uint64_t before = 1, here = 1;
		for (size_t i = 0; i < n; i++) {
			uint64_t next = d[i] != '0' ? here : 0;
			if (i > 0 && (d[i - 1] == '1' || (d[i - 1] == '2' && d[i] <= '6')))
				next += before;
			before = here;
			here = next;
		}
		heap_input(n);
		uint64_t got = count_decodings(d);
		heap_input_done();
		cr_assert_eq(got, here, "random case %d (seed %llu): \"%s\": expected %llu, got %llu", round,
			     (unsigned long long)seed, d, (unsigned long long)here, (unsigned long long)got);
	}
}
