/* n3_matmul.c - fitbench entry: product of two n-by-n matrices of doubles,
 * i-j-k order
 *
 * class: O(n^3)
 * sizes: 16..256 x2
 *
 * The inner loop walks B down a column: a stride of n doubles, a cache
 * miss per step at the larger sizes.
 */
#include "bench.h"

struct input {
	double *a, *b, *c;
};

static void matmul(const double *a, const double *b, double *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			double s = 0;
			for (size_t k = 0; k < n; k++)
				s += a[i * n + k] * b[k * n + j];
			c[i * n + j] = s;
		}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->a = bench_alloc(n * n * sizeof(double));
	in->b = bench_alloc(n * n * sizeof(double));
	in->c = bench_alloc(n * n * sizeof(double));
	for (size_t i = 0; i < n * n; i++) {
		in->a[i] = bench_rand_int(rng, -9, 9);
		in->b[i] = bench_rand_int(rng, -9, 9);
	}
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	matmul(in->a, in->b, in->c, n);
	bench_sink((uint64_t)(int64_t)in->c[n * n / 3]);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in->b);
	bench_release(in->c);
	bench_release(in);
}
