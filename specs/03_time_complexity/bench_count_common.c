/* bench_count_common.c - benchmark driver: two arrays of n/2 distinct values
 * each, half of them shared */
#include "bench.h"
#include "count_common.h"

struct input {
	int *a, *b;
	size_t na, nb;
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->na = n / 2;
	in->nb = n - n / 2;
	in->a = bench_alloc((in->na + 1) * sizeof(int));
	in->b = bench_alloc((in->nb + 1) * sizeof(int));
	bench_fill_distinct(rng, in->a, in->na, 0);
	bench_fill_distinct(rng, in->b, in->nb, (int)(n / 4));
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_sink(count_common(in->a, in->na, in->b, in->nb));
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in->b);
	bench_release(in);
}
