/* bench_count_decodings.c - benchmark driver: a run of n ones, the input
 * that branches most (every digit is a letter, and so is every pair) */
#include "bench.h"
#include "count_decodings.h"

/* Calls the exercise once on a tiny input before anything is measured, so
 * that the dynamic linker's first-call work for the C library functions
 * it uses is not counted against the first size. */
static void warm_up(void)
{
	bench_sink(count_decodings("12"));
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	char *digits = bench_alloc(n + 1);
	warm_up();
	(void)rng;
	for (size_t i = 0; i < n; i++)
		digits[i] = '1';
	digits[n] = '\0';
	return digits;
}

void bench_run(void *input, size_t n)
{
	(void)n;
	bench_sink(count_decodings(input));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
