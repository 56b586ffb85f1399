/* bench_fib.c - benchmark driver: fib(n) itself, n being the size (so the
 * sizes stay at or below 93); checked against a loop */
#include "bench.h"
#include "fib.h"

static uint64_t got;

void *bench_setup(size_t n, struct bench_rng *rng)
{
	(void)n;
	(void)rng;
	return NULL;
}

void bench_run(void *input, size_t n)
{
	(void)input;
	got = fib((unsigned)n);
	bench_sink(got);
}

const char *bench_check(void *input, size_t n)
{
	uint64_t a = 0, b = 1;
	(void)input;
	for (size_t i = 0; i < n; i++) {
		uint64_t t = a + b;
		a = b;
		b = t;
	}
	return got == a ? NULL : bench_expect("expected fib(%zu) = %llu, got %llu", n, (unsigned long long)a,
					       (unsigned long long)got);
}

void bench_teardown(void *input, size_t n)
{
	(void)input;
	(void)n;
}
