/* bench_most_frequent.c - benchmark driver: n values drawn from n/8
 * distinct ones spread over a range of about 64*n, so each occurs about 8
 * times and a table indexed by value would be mostly empty */
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

void bench_run(void *input, size_t n)
{
	int value = 0;
	size_t count = most_frequent(input, n, &value);
	bench_sink(count ^ (uint64_t)(unsigned)value);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
