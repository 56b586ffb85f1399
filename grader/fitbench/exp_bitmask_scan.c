/* exp_bitmask_scan.c - fitbench entry: counts the n-bit masks with no two
 * neighbouring bits set, by trying all 2^n of them
 *
 * class: O(2^n)
 * sizes: 10..24 +2
 *
 * A flat loop over every subset: the exponential with the least overhead
 * per step.
 */
#include "bench.h"

static uint64_t count_sparse(unsigned bits)
{
	uint64_t count = 0;

	for (uint64_t m = 0; m < (uint64_t)1 << bits; m++)
		count += !(m & (m >> 1));
	return count;
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
	bench_sink(count_sparse(*(volatile unsigned *)input));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
