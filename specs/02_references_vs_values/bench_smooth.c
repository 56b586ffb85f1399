/* bench_smooth.c - benchmark driver: n random ints smoothed in place;
 * checked against means taken from a copy */
#include "bench.h"
#include "smooth.h"

struct input {
	int *a, *orig;
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->a = bench_alloc(n * sizeof(int));
	in->orig = bench_alloc(n * sizeof(int));
	for (size_t i = 0; i < n; i++)
		in->orig[i] = in->a[i] = bench_rand_int(rng, -1000000, 1000000);
	return in;
}

void bench_run(void *input, size_t n)
{
	int *a = ((struct input *)input)->a;
	smooth(a, a, n);
	if (n)
		bench_sink((uint64_t)a[n / 2]);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	for (size_t i = 0; i < n; i++) {
		long long sum = in->orig[i];
		int count = 1;
		if (i > 0)
			sum += in->orig[i - 1], count++;
		if (i + 1 < n)
			sum += in->orig[i + 1], count++;
		if (in->a[i] != (int)(sum / count))
			return bench_expect("expected out[%zu] = %d, got %d", i, (int)(sum / count), in->a[i]);
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
