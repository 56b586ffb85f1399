/* sqrtn_block_sum.c - fitbench entry: range sums over an array of n with
 * precomputed sums of sqrt(n)-sized blocks
 *
 * class: O(sqrt n)
 * sizes: 1024..4194304 x4
 *
 * Square-root decomposition: a query adds up to sqrt(n) block sums and up
 * to 2 sqrt(n) elements of the partial blocks at its ends. The block sums
 * are made by setup, which is not measured.
 */
#include "bench.h"

struct input {
	int *a;
	int64_t *block;
	size_t size; /* elements per block */
};

static int64_t range_sum(const struct input *in, size_t lo, size_t hi)
{
	int64_t sum = 0;
	size_t b = in->size;

	while (lo < hi && lo % b)
		sum += in->a[lo++];
	while (lo + b <= hi) {
		sum += in->block[lo / b];
		lo += b;
	}
	while (lo < hi)
		sum += in->a[lo++];
	return sum;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	size_t b = 1;
	while ((b + 1) * (b + 1) <= n)
		b++;
	in->size = b;
	in->a = bench_alloc(n * sizeof(*in->a));
	in->block = bench_calloc(n / b + 1, sizeof(*in->block));
	for (size_t i = 0; i < n; i++) {
		in->a[i] = bench_rand_int(rng, -1000, 1000);
		in->block[i / b] += in->a[i];
	}
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	int64_t sum = range_sum(in, 1, n - 1) + range_sum(in, in->size / 2, n - in->size / 2);
	bench_sink((uint64_t)sum);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in->block);
	bench_release(in);
}
