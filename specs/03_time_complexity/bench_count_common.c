/* bench_count_common.c - benchmark driver: two arrays of about n/2
 * distinct values each, b's range shifted by a random quarter or so, so
 * that about half of the values are shared; a few values are copied over
 * others in each array, so that some occur twice and the count of distinct
 * shared values is known only by counting (an oracle in setup) */
#include "bench.h"
#include "count_common.h"

struct input {
	int *a, *b;
	size_t na, nb;
	size_t expect, got;
};

static void plant_copies(struct bench_rng *rng, int *v, size_t len)
{
	for (int k = 0; len >= 2 && k < 4; k++) {
		size_t i = (size_t)(bench_rand(rng) % len), j = (size_t)(bench_rand(rng) % len);
		v[i] = v[j];
	}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->na = n / 2;
	in->nb = n - n / 2;
	in->a = bench_alloc((in->na + 1) * sizeof(int));
	in->b = bench_alloc((in->nb + 1) * sizeof(int));
	size_t off = n / 8 + (size_t)(bench_rand(rng) % (n / 4 + 1));
	bench_fill_distinct(rng, in->a, in->na, 0);
	bench_fill_distinct(rng, in->b, in->nb, (int)off);
	plant_copies(rng, in->a, in->na);
	plant_copies(rng, in->b, in->nb);

	/* Every value lies in [0, off + nb). */
	unsigned char *seen = bench_calloc(off + in->nb + 1, 1);
	for (size_t i = 0; i < in->na; i++)
		seen[in->a[i]] |= 1;
	for (size_t i = 0; i < in->nb; i++)
		seen[in->b[i]] |= 2;
	in->expect = 0;
	for (size_t v = 0; v < off + in->nb + 1; v++)
		in->expect += seen[v] == 3;
	bench_release(seen);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	in->got = count_common(in->a, in->na, in->b, in->nb);
	bench_sink(in->got);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	return in->got == in->expect ? NULL : bench_expect("expected %zu, got %zu", in->expect, in->got);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in->b);
	bench_release(in);
}
