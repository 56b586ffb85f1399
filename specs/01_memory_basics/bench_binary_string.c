/* bench_binary_string.c - benchmark driver: n strings of 20 digits each,
 * all alive at once, so that the heap peak is the sum of what each call
 * allocates; checked, then freed, outside the measured call */
#include <stdlib.h>
#include <string.h>

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
	bench_sink(n && in->strings[n - 1] ? (uint64_t)in->strings[n - 1][0] : 0);
}

/* Frees every string, right or wrong, so that nothing is left for teardown. */
const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	const char *wrong = NULL;
	for (size_t i = 0; i < n; i++) {
		char want[65];
		int len = 0;
		for (int bit = 63; bit >= 0; bit--)
			if (len || (in->values[i] >> bit & 1) || bit == 0)
				want[len++] = (char)('0' + (in->values[i] >> bit & 1));
		want[len] = '\0';
		if (!wrong && (!in->strings[i] || strcmp(in->strings[i], want)))
			wrong = bench_expect("expected \"%s\" for %llu", want, (unsigned long long)in->values[i]);
		free(in->strings[i]);
		in->strings[i] = NULL;
	}
	return wrong;
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->values);
	bench_release(in->strings);
	bench_release(in);
}
