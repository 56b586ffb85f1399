/* bench_parallel_sum.c - benchmark driver: n random int32 values summed with
 * 4 threads */
#include "bench.h"
#include "parallel_sum.h"

#define THREADS 4

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int32_t *a = bench_alloc(n * sizeof(*a));
	for (size_t i = 0; i < n; i++)
		a[i] = (int32_t)bench_rand(rng);
	return a;
}

static int64_t got;

void bench_run(void *input, size_t n)
{
	got = parallel_sum(input, n, THREADS);
	bench_sink((uint64_t)got);
}

const char *bench_check(void *input, size_t n)
{
	const int32_t *a = input;
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += a[i];
	return got == sum ? NULL : bench_expect("expected %lld, got %lld", (long long)sum, (long long)got);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
