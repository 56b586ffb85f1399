/* between_nlog2n_bitonic_sort.c - fitbench entry: bitonic sort of n random
 * distinct ints (n a power of two)
 *
 * class: between O(n log n) and O(n^2)
 * sizes: 1024..131072 x2
 * exact sizes: yes (a power of two each)
 *
 * A sorting network: log n (log n + 1) / 2 passes over all n elements,
 * whatever the input, so n log^2 n compare-exchanges: each doubling
 * multiplies the count by 2.25 to 2.4, a little more than n log n's 2.1
 * to 2.2. A claim of O(n log n) must fail, one of O(n^2) must pass.
 */
#include "bench.h"

static void bitonic_sort(int *a, size_t n)
{
	for (size_t k = 2; k <= n; k <<= 1)
		for (size_t j = k >> 1; j > 0; j >>= 1)
			for (size_t i = 0; i < n; i++) {
				size_t l = i ^ j;
				if (l <= i)
					continue;
				int up = (i & k) == 0;
				if ((a[i] > a[l]) == up) {
					int t = a[i];
					a[i] = a[l];
					a[l] = t;
				}
			}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	bench_fill_distinct(rng, a, n, 0);
	return a;
}

void bench_run(void *input, size_t n)
{
	int *a = input;
	bitonic_sort(a, n);
	bench_sink((uint64_t)a[n / 3]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
