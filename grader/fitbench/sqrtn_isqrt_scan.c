/* sqrtn_isqrt_scan.c - fitbench entry: the integer square root of n by
 * counting up, for n and its 3 predecessors
 *
 * class: O(sqrt n)
 * sizes: 65536..1099511627776 x4
 *
 * The naive loop r*r <= n: cheap iterations, sqrt(n) of them.
 */
#include "bench.h"

static uint64_t isqrt_scan(uint64_t n)
{
	uint64_t r = 0;

	while ((r + 1) * (r + 1) <= n)
		r++;
	return r;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	uint64_t *v = bench_alloc(sizeof(*v));
	(void)rng;
	*v = n;
	return v;
}

void bench_run(void *input, size_t n)
{
	uint64_t v = *(volatile uint64_t *)input, sum = 0;
	(void)n;
	for (int i = 0; i < 4; i++)
		sum += isqrt_scan(v - (uint64_t)i);
	bench_sink(sum);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
