/* exp_fibonacci.c - fitbench entry: the n-th Fibonacci number by naive
 * recursion
 *
 * class: O(2^n)
 * sizes: 10..30 +2
 *
 * fib(n - 1) + fib(n - 2): calls grow as the golden ratio, 1.618^n, an
 * exponential of base below 2.
 */
#include "bench.h"

static uint64_t fib(unsigned n)
{
	return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	unsigned *v = bench_alloc(sizeof(*v));
	(void)rng;
	*v = (unsigned)n;
	return v;
}

void bench_run(void *input, size_t n)
{
	(void)n;
	bench_sink(fib(*(volatile unsigned *)input));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
