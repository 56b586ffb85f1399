/* test_count_decodings.c - correctness of count_decodings (inputs short
 * enough that even the exponential recursion finishes: speed is the
 * complexity check's job) */
#include <criterion/criterion.h>
#include <string.h>

#include "count_decodings.h"

static void check(const char *digits, uint64_t want)
{
	char copy[128];
	cr_assert(strlen(digits) < sizeof(copy));
	strcpy(copy, digits);
	uint64_t got = count_decodings(copy);
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
