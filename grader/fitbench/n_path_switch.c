/* n_path_switch.c - fitbench entry: a sum of n ints, one at a time up to
 * n = 8192 and eight at a time above
 *
 * class: O(n)
 * sizes: 1024..262144 x2
 *
 * Linear on both paths, but the unrolled one costs about half as much per
 * element, so the count falls back once between n = 8192 and 16384 (the
 * doubling there multiplies it by about 1.2, not 2): a change of path,
 * not slower growth.
 */
#include "bench.h"

#define SWITCH 8192

static uint64_t sum(const int *a, size_t n)
{
	uint64_t s = 0;
	size_t i = 0;

	if (n > SWITCH) {
		uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
		for (; i + 8 <= n; i += 8) {
			s0 += (uint64_t)(a[i] + a[i + 4]);
			s1 += (uint64_t)(a[i + 1] + a[i + 5]);
			s2 += (uint64_t)(a[i + 2] + a[i + 6]);
			s3 += (uint64_t)(a[i + 3] + a[i + 7]);
		}
		s = s0 + s1 + s2 + s3;
	}
	for (; i < n; i++)
		s += (uint64_t)a[i];
	return s;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	for (size_t i = 0; i < n; i++)
		a[i] = bench_rand_int(rng, 0, 1000);
	return a;
}

void bench_run(void *input, size_t n)
{
	bench_sink(sum(input, n));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
