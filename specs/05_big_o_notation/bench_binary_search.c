/* bench_binary_search.c - benchmark driver: a sorted array of n distinct
 * even values and 32 keys spread evenly over it, every other one absent
 * (odd), so that a linear scan costs about n per key */
#include "bench.h"
#include "binary_search.h"

#define KEYS 32

struct input {
	int *a;
	int keys[KEYS];
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->a = bench_alloc(n * sizeof(int));
	for (size_t i = 0; i < n; i++)
		in->a[i] = 2 * (int)i - (int)n;
	/* One key in each 32nd of the array, at a random place in it. */
	for (size_t j = 0; j < KEYS; j++) {
		size_t lo = j * n / KEYS, hi = (j + 1) * n / KEYS;
		size_t at = hi > lo ? lo + (size_t)(bench_rand(rng) % (hi - lo)) : 0;
		in->keys[j] = (n ? in->a[at] : 0) + (int)(j % 2);
	}
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	uint64_t sum = 0;
	for (size_t j = 0; j < KEYS; j++)
		sum += (uint64_t)binary_search(in->a, n, in->keys[j]);
	bench_sink(sum);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in);
}
