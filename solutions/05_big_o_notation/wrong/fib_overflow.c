/* fib_overflow.c - known wrong: linear, but adds in double. A double holds
 * integers exactly only up to 2^53, so from fib(79) on the results are
 * rounded: must fail its tests, and the benchmark, whose sizes go past 78
 * and whose answers are checked. */
#include "fib.h"

uint64_t fib(unsigned n)
{
	double prev = 0, cur = 1;

	if (n == 0)
		return 0;
	for (unsigned i = 1; i < n; i++) {
		double next = prev + cur;
		prev = cur;
		cur = next;
	}
	return (uint64_t)cur;
}
