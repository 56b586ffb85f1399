/* between_cbrt_search.c - fitbench entry: 64 searches in a sorted array of
 * n with jumps of n^(2/3), then n^(1/3), then a scan
 *
 * class: between O(log n) and O(sqrt n)
 * sizes: 1024..4194304 x4
 *
 * A jump search with two levels of strides: at most n^(1/3) steps at each
 * of three levels, so the cost grows as n^(1/3) (each x4 of n multiplies
 * it by 1.59): faster than O(log n), slower than O(sqrt n). The keys sit
 * at the fractional parts of k * 0.618..., spread over the array without
 * lining up with the strides at any size (keys spaced evenly would, and
 * the count would lurch), so every size sees the same mix of short and
 * long searches. A claim of O(log n) must fail, one of O(sqrt n) pass.
 */
#include "bench.h"

#define SEARCHES 64

struct input {
	int *a;
	size_t fine, coarse; /* n^(1/3) and its square, set up unmeasured */
	int keys[SEARCHES];
};

static size_t search(const struct input *in, size_t n, int key)
{
	size_t lo = 0;

	while (lo + in->coarse < n && in->a[lo + in->coarse] <= key)
		lo += in->coarse;
	while (lo + in->fine < n && in->a[lo + in->fine] <= key)
		lo += in->fine;
	while (lo < n && in->a[lo] < key)
		lo++;
	return lo;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	(void)rng;
	in->a = bench_alloc(n * sizeof(*in->a));
	for (size_t i = 0; i < n; i++)
		in->a[i] = 2 * (int)i;
	in->fine = 1;
	while ((in->fine + 1) * (in->fine + 1) * (in->fine + 1) <= n)
		in->fine++;
	in->coarse = in->fine * in->fine;
	for (size_t k = 0; k < SEARCHES; k++) {
		double at = (double)(k + 1) * 0.6180339887498949;
		in->keys[k] = in->a[(size_t)((at - (double)(size_t)at) * (double)n)];
	}
	return in;
}

void bench_run(void *input, size_t n)
{
	const struct input *in = input;
	uint64_t sum = 0;
	for (size_t k = 0; k < SEARCHES; k++)
		sum += search(in, n, in->keys[k]);
	bench_sink(sum);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in);
}
