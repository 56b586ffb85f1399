/* bench_reverse_in_place.c - benchmark driver: a random permutation of n
 * values, reversed; checked against a copy */
#include "bench.h"
#include "reverse_in_place.h"

struct input {
	int *a, *orig;
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->a = bench_alloc(n * sizeof(int));
	in->orig = bench_alloc(n * sizeof(int));
	bench_fill_distinct(rng, in->a, n, bench_rand_int(rng, -1000000, 1000000));
	for (size_t i = 0; i < n; i++)
		in->orig[i] = in->a[i];
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	reverse_in_place(in->a, n);
	bench_sink(n ? (uint64_t)in->a[0] ^ (uint64_t)in->a[n / 2] : 0);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	for (size_t i = 0; i < n; i++)
		if (in->a[i] != in->orig[n - 1 - i])
			return bench_expect("expected a[%zu] = %d, found %d", i, in->orig[n - 1 - i], in->a[i]);
	return NULL;
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in->orig);
	bench_release(in);
}
