/* fib.c - reference solution: bottom-up. The naive recursion computes the
 * same small values over and over; remembering them (memoisation) makes
 * each one cost a single addition, and since fib(i) needs only the two
 * values before it, two variables are all the memory that takes. O(n). */
#include "fib.h"

uint64_t fib(unsigned n)
{
	uint64_t prev = 0, cur = 1;

	if (n == 0)
		return 0;
	for (unsigned i = 1; i < n; i++) {
		uint64_t next = prev + cur;
		prev = cur;
		cur = next;
	}
	return cur;
}
