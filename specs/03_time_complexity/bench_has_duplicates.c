/* bench_has_duplicates.c - benchmark driver: all-distinct input, the worst case
 * (no early exit) */
#include "bench.h"
#include "has_duplicates.h"

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	bench_fill_distinct(rng, a, n, -(int)(n / 2));
	return a;
}

void bench_run(void *input, size_t n)
{
	bench_sink(has_duplicates(input, n));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
