/* bench_fib.c - benchmark driver: fib(n) itself, n being the size (so the
 * sizes stay at or below 93) */
#include "bench.h"
#include "fib.h"

void *bench_setup(size_t n, struct bench_rng *rng)
{
	(void)n;
	(void)rng;
	return NULL;
}

void bench_run(void *input, size_t n)
{
	(void)input;
	bench_sink(fib((unsigned)n));
}

void bench_teardown(void *input, size_t n)
{
	(void)input;
	(void)n;
}
