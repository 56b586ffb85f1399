/* bench_most_frequent.c - benchmark driver: n values drawn from n/8
 * distinct ones spread over a range of about 64*n, so each occurs about 8
 * times and a table indexed by value would be mostly empty */
#include <stdlib.h>

#include "bench.h"
#include "most_frequent.h"

void *bench_setup(size_t n, struct bench_rng *rng)
{
	size_t distinct = n / 8 ? n / 8 : 1;
	int *pool = bench_alloc(distinct * sizeof(*pool));
	int *a = bench_alloc(n * sizeof(*a));
	for (size_t i = 0; i < distinct; i++)
		pool[i] = (int)(i * 512) - (int)(distinct * 256) + bench_rand_int(rng, 0, 511);
	for (size_t i = 0; i < n; i++)
		a[i] = pool[bench_rand(rng) % distinct];
	bench_release(pool);
	return a;
}

static size_t got_count;
static int got_value;

void bench_run(void *input, size_t n)
{
	got_value = 0;
	got_count = most_frequent(input, n, &got_value);
	bench_sink(got_count ^ (uint64_t)(unsigned)got_value);
}

static int by_value(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* A sorted copy: the longest run, the first one on a tie. */
const char *bench_check(void *input, size_t n)
{
	int *v = bench_alloc((n + 1) * sizeof(int));
	size_t best = 0;
	int value = 0;
	for (size_t i = 0; i < n; i++)
		v[i] = ((const int *)input)[i];
	qsort(v, n, sizeof(int), by_value);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i; j < n && v[j] == v[i]; j++)
			;
		if (j - i > best) {
			best = j - i;
			value = v[i];
		}
	}
	bench_release(v);
	if (got_count != best || (n && got_value != value))
		return bench_expect("expected %d, %zu times; got %d, %zu times", value, best, got_value, got_count);
	return NULL;
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
