/* bench_rotate_left.c - benchmark driver: a random permutation of n values,
 * rotated by k = n/2 + 1 plus up to n/64 more, plus n half of the time (k
 * may exceed n), so that k grows with n at a steady rate (rotating one
 * place at a time, k mod n times, is then quadratic, not noisy);
 * checked against a copy */
#include "bench.h"
#include "rotate_left.h"

struct input {
	int *a, *orig;
	size_t k;
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->a = bench_alloc(n * sizeof(int));
	in->orig = bench_alloc(n * sizeof(int));
	bench_fill_distinct(rng, in->a, n, bench_rand_int(rng, -1000000, 1000000));
	for (size_t i = 0; i < n; i++)
		in->orig[i] = in->a[i];
	in->k = n / 2 + 1 + (size_t)(bench_rand(rng) % (n / 64 + 1));
	if (bench_rand(rng) & 1)
		in->k += n;
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	rotate_left(in->a, n, in->k);
	bench_sink(n ? (uint64_t)in->a[0] ^ (uint64_t)in->a[n - 1] : 0);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	for (size_t i = 0; i < n; i++) {
		int want = in->orig[(i + in->k) % n];
		if (in->a[i] != want)
			return bench_expect("rotating by k = %zu: expected a[%zu] = %d, found %d", in->k, i, want,
					    in->a[i]);
	}
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
