/* bench_vec.c - benchmark driver: n pushes onto an empty vec, n pops, release */
#include "bench.h"
#include "vec.h"

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
	while (vec_pop(&v, &x))
		sum += (uint64_t)x;
	vec_release(&v);
	bench_sink(sum);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
