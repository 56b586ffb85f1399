/* n3_gauss.c - fitbench entry: Gaussian elimination of an n-by-n system
 * with partial pivoting, and back substitution
 *
 * class: O(n^3)
 * sizes: 16..256 x2
 *
 * Some n^3/3 multiply-adds, behind a pivot search and row swaps that are
 * only quadratic: lower-order terms the fit must see past.
 */
#include <math.h>

#include "bench.h"

struct input {
	double *m; /* n rows of n + 1: the matrix and the right-hand side */
	double *x;
};

static void solve(double *m, double *x, size_t n)
{
	size_t w = n + 1;

	for (size_t col = 0; col < n; col++) {
		size_t p = col;
		for (size_t r = col + 1; r < n; r++)
			if (fabs(m[r * w + col]) > fabs(m[p * w + col]))
				p = r;
		if (p != col)
			for (size_t c = 0; c < w; c++) {
				double t = m[col * w + c];
				m[col * w + c] = m[p * w + c];
				m[p * w + c] = t;
			}
		for (size_t r = col + 1; r < n; r++) {
			double f = m[r * w + col] / m[col * w + col];
			for (size_t c = col; c < w; c++)
				m[r * w + c] -= f * m[col * w + c];
		}
	}
	for (size_t r = n; r-- > 0;) {
		double s = m[r * w + n];
		for (size_t c = r + 1; c < n; c++)
			s -= m[r * w + c] * x[c];
		x[r] = s / m[r * w + r];
	}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->m = bench_alloc(n * (n + 1) * sizeof(double));
	in->x = bench_alloc(n * sizeof(double));
	for (size_t i = 0; i < n * (n + 1); i++)
		in->m[i] = bench_rand_int(rng, -100, 100);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	solve(in->m, in->x, n);
	bench_sink((uint64_t)(int64_t)(in->x[n / 3] * 1e6));
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->m);
	bench_release(in->x);
	bench_release(in);
}
