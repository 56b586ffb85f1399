/* fib.h - topic 05: Fibonacci numbers without exponential recursion */
#ifndef FIB_H
#define FIB_H

#include <stdint.h>

/* The n-th Fibonacci number: fib(0) = 0, fib(1) = 1 and
 * fib(n) = fib(n-1) + fib(n-2). Defined for n <= 93, the largest n whose
 * value fits in 64 bits (fib(93) = 12200160415121876738). Target: O(n) time. */
uint64_t fib(unsigned n);

#endif
