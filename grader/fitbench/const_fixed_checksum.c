/* const_fixed_checksum.c - fitbench entry: checks a fixed 4096-word header
 * before reading one element of the array
 *
 * class: O(1)
 * sizes: 1024..4194304 x4
 *
 * A large constant overhead (some 20 000 instructions) and no growth: a
 * fitter that took the overhead for a slow term would call it anything but
 * constant.
 */
#include "bench.h"

#define HEADER_WORDS 4096

struct input {
	uint32_t header[HEADER_WORDS];
	uint32_t *a;
};

static uint64_t checked_last(const struct input *in, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < HEADER_WORDS; i++)
		h = (h ^ in->header[i]) * 16777619u;
	return (uint64_t)h << 32 | in->a[n - 1];
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	for (size_t i = 0; i < HEADER_WORDS; i++)
		in->header[i] = (uint32_t)bench_rand(rng);
	in->a = bench_alloc(n * sizeof(*in->a));
	for (size_t i = 0; i < n; i++)
		in->a[i] = (uint32_t)i;
	return in;
}

void bench_run(void *input, size_t n)
{
	bench_sink(checked_last(input, n));
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in);
}
