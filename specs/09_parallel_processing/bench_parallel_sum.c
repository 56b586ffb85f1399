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

void bench_run(void *input, size_t n)
{
	bench_sink((uint64_t)parallel_sum(input, n, THREADS));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
