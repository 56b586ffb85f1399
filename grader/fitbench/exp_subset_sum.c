/* exp_subset_sum.c - fitbench entry: is there a subset of n positive ints
 * with a given sum? Tries subsets, leaving items out first
 *
 * class: O(2^n)
 * sizes: 10..22 +2
 *
 * The search stops at the first subset that matches, but the target is
 * the sum of all items: the only match is the last subset tried.
 */
#include "bench.h"

struct input {
	int *item;
	int target;
};

static int reaches(const int *item, size_t n, size_t i, int sum, int target)
{
	if (i == n)
		return sum == target;
	return reaches(item, n, i + 1, sum, target) ||
	       reaches(item, n, i + 1, sum + item[i], target);
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->item = bench_alloc(n * sizeof(*in->item));
	in->target = 0;
	for (size_t i = 0; i < n; i++) {
		in->item[i] = bench_rand_int(rng, 1, 1000);
		in->target += in->item[i];
	}
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	bench_sink((uint64_t)reaches(in->item, n, 0, 0, in->target));
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->item);
	bench_release(in);
}
