/* bench_vec.c - benchmark driver: n pushes onto an empty vec, n pops, release */
#include "bench.h"
#include "vec.h"

static uint64_t got;

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *values = bench_alloc(n * sizeof(*values));
	for (size_t i = 0; i < n; i++)
		values[i] = bench_rand_int(rng, -1000000, 1000000);
	return values;
}

void bench_run(void *input, size_t n)
{
	const int *values = input;
	struct vec v = VEC_INIT;
	uint64_t sum = 0;
	int x;

	for (size_t i = 0; i < n; i++)
		sum += vec_push(&v, values[i]);
	for (uint64_t k = 1; vec_pop(&v, &x); k++)
		sum += (uint64_t)x * k;
	vec_release(&v);
	got = sum;
	bench_sink(sum);
}

/* n pushes that succeed, then the values back last first, each weighted
 * by the order it came back in. */
const char *bench_check(void *input, size_t n)
{
	const int *values = input;
	uint64_t sum = n;
	for (size_t k = 1; k <= n; k++)
		sum += (uint64_t)values[n - k] * k;
	return got == sum ? NULL : bench_expect("expected the %zu values pushed to pop last first (sum %llu, got %llu)", n,
					       (unsigned long long)sum, (unsigned long long)got);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
