/* logn_binary_search.c - fitbench entry: 64 binary searches for random keys
 * in a sorted array of n
 *
 * class: O(log n)
 * sizes: 1024..4194304 x4
 *
 * The textbook loop, with a branch per halving that goes either way.
 */
#include "bench.h"

#define SEARCHES 64

struct input {
	int *a;
	int keys[SEARCHES];
};

static size_t lower_bound(const int *a, size_t n, int key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->a = bench_alloc(n * sizeof(*in->a));
	for (size_t i = 0; i < n; i++)
		in->a[i] = 2 * (int)i;
	for (int k = 0; k < SEARCHES; k++)
		in->keys[k] = bench_rand_int(rng, 0, 2 * (int)n);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	uint64_t sum = 0;
	for (int k = 0; k < SEARCHES; k++)
		sum += lower_bound(in->a, n, in->keys[k]);
	bench_sink(sum);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in);
}
