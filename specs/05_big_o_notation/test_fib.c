/* test_fib.c - correctness of fib */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <inttypes.h>

#include "fib.h"

#include "test_random.h"

static void check(unsigned n, uint64_t want)
{
	uint64_t got = fib(n);
	cr_assert_eq(got, want, "expected fib(%u) = %" PRIu64 ", got %" PRIu64, n, want, got);
}

Test(fib, base_cases)
{
	check(0, 0);
	check(1, 1);
	check(2, 1);
}

Test(fib, first_twenty)
{
	static const uint64_t want[] = {
		0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181,
	};
	for (unsigned n = 0; n < 20; n++)
		check(n, want[n]);
}

Test(fib, recurrence_up_to_30)
{
	for (unsigned n = 2; n <= 30; n++) {
		uint64_t a = fib(n - 2), b = fib(n - 1), c = fib(n);
		cr_assert_eq(c, a + b, "expected fib(%u) = fib(%u) + fib(%u) = %" PRIu64 ", got %" PRIu64,
			     n, n - 1, n - 2, a + b, c);
	}
	check(30, 832040);
}

/* The tests below need n past 40: an exponential fib does not finish them
 * within the timeout. */
Test(fib, past_32_bits)
{
	check(47, UINT64_C(2971215073));
	check(48, UINT64_C(4807526976));
	check(60, UINT64_C(1548008755920));
}

Test(fib, past_double_precision)
{
	/* From fib(79) on, the values need more than the 53 bits of a double. */
	check(78, UINT64_C(8944394323791464));
	check(79, UINT64_C(14472334024676221));
	check(80, UINT64_C(23416728348467685));
	check(90, UINT64_C(2880067194370816120));
	check(92, UINT64_C(7540113804746346429));
	check(93, UINT64_C(12200160415121876738));
}

/* fib(n) for n drawn at random from 0 to 93, against a loop; every n is
 * asked twice, apart, so a table filled wrongly on the way is seen. */
Test(fib, random_against_oracle)
{
	uint64_t seed = rnd_seed(), table[94] = { 0, 1 };
	for (unsigned i = 2; i < 94; i++)
		table[i] = table[i - 1] + table[i - 2];
	for (int round = 0; round < 200; round++) {
		unsigned n = (unsigned)(rnd() % 94);
		uint64_t got = fib(n);
		cr_assert_eq(got, table[n], "random case %d (seed %llu): expected fib(%u) = %" PRIu64 ", got %" PRIu64,
			     round, (unsigned long long)seed, n, table[n], got);
	}
}
