/* bench_binary_string.c - benchmark driver: n strings of 20 digits each,
 * all alive at once before they are freed, so that the heap peak is the
 * sum of what each call allocates */
#include <stdlib.h>

#include "bench.h"
#include "binary_string.h"

struct input {
	uint64_t *values;
	char **strings;
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->values = bench_alloc(n * sizeof(*in->values));
	in->strings = bench_alloc(n * sizeof(*in->strings));
	for (size_t i = 0; i < n; i++)
		in->values[i] = (uint64_t)1 << 19 | (bench_rand(rng) & ((1u << 19) - 1));
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	for (size_t i = 0; i < n; i++)
		in->strings[i] = binary_string(in->values[i]);
	for (size_t i = 0; i < n; i++) {
		bench_sink(in->strings[i] ? (uint64_t)in->strings[i][19] : 0);
		free(in->strings[i]);
	}
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->values);
	bench_release(in->strings);
	bench_release(in);
}
