/* fib_naive.c - known wrong: the definition as a recursion. Correct, but
 * fib(n) makes about 2*fib(n) calls, which grows like 1.618^n: exponential.
 * Must fail complexity; it also fails the tests that ask for fib(47) and
 * beyond, which it cannot finish within their timeout. */
#include "fib.h"

uint64_t fib(unsigned n)
{
	if (n < 2)
		return n;
	return fib(n - 1) + fib(n - 2);
}
