/* n2_column_sum.c - fitbench entry: column sums of an n-by-n matrix stored
 * by rows
 *
 * class: O(n^2)
 * sizes: 64..2048 x2
 *
 * Walking down the columns touches a new cache line (and soon a new page)
 * at every element: quadratic in instructions, worse in time.
 */
#include "bench.h"

struct input {
	int *m;       /* n * n, row by row */
	int64_t *sum; /* n column sums */
};

static void column_sums(const int *m, int64_t *sum, size_t n)
{
	for (size_t c = 0; c < n; c++) {
		int64_t s = 0;
		for (size_t r = 0; r < n; r++)
			s += m[r * n + c];
		sum[c] = s;
	}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	(void)rng;
	in->m = bench_alloc(n * n * sizeof(*in->m));
	in->sum = bench_alloc(n * sizeof(*in->sum));
	for (size_t i = 0; i < n * n; i++)
		in->m[i] = (int)(i & 255);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	column_sums(in->m, in->sum, n);
	bench_sink((uint64_t)in->sum[n / 3]);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->m);
	bench_release(in->sum);
	bench_release(in);
}
