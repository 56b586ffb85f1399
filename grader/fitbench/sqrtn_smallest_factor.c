/* sqrtn_smallest_factor.c - fitbench entry: the smallest factor of p*p by
 * trial division, p the first prime at or above sqrt(n)
 *
 * class: O(sqrt n)
 * sizes: 65536..1099511627776 x4
 *
 * The search exits early, at the first divisor, which sits at sqrt(n) by
 * construction; one 64-bit division per candidate.
 */
#include "bench.h"

static int is_prime(uint64_t p)
{
	if (p < 2)
		return 0;
	for (uint64_t d = 2; d * d <= p; d++)
		if (p % d == 0)
			return 0;
	return 1;
}

static uint64_t smallest_factor(uint64_t m)
{
	if (m % 2 == 0)
		return 2;
	for (uint64_t d = 3; d * d <= m; d += 2)
		if (m % d == 0)
			return d;
	return m;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	uint64_t *m = bench_alloc(sizeof(*m));
	uint64_t p = 1;
	(void)rng;
	while (p * p < n)
		p++;
	while (!is_prime(p))
		p++;
	*m = p * p;
	return m;
}

void bench_run(void *input, size_t n)
{
	(void)n;
	bench_sink(smallest_factor(*(uint64_t *)input));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
