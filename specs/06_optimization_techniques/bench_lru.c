/* bench_lru.c - benchmark driver: a cache of capacity n/2, n random gets
 * and puts of keys in [0, n) (about half of the gets hit), then freed */
#include "bench.h"
#include "lru.h"

struct op {
	int key;
	int is_get;
};

/* Calls the exercise once on a tiny input before anything is measured, so
 * that the dynamic linker's first-call work for the C library functions
 * it uses is not counted against the first size. */
static void warm_up(void)
{
	struct lru *c = lru_new(2);
	int value = 0;
	if (!c)
		return;
	lru_put(c, 1, 1);
	lru_put(c, 2, 2);
	lru_put(c, 3, 3);
	lru_get(c, 3, &value);
	bench_sink((uint64_t)value);
	lru_free(c);
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct op *ops = bench_alloc(n * sizeof(*ops));
	warm_up();
	for (size_t i = 0; i < n; i++) {
		ops[i].key = bench_rand_int(rng, 0, (int)n - 1);
		ops[i].is_get = bench_rand_int(rng, 0, 1);
	}
	return ops;
}

void bench_run(void *input, size_t n)
{
	const struct op *ops = input;
	struct lru *c = lru_new(n / 2);
	uint64_t sum = 0;

	if (!c)
		return;
	for (size_t i = 0; i < n; i++) {
		int value;
		if (ops[i].is_get) {
			if (lru_get(c, ops[i].key, &value))
				sum += (uint64_t)value;
		} else {
			lru_put(c, ops[i].key, (int)i);
		}
	}
	bench_sink(sum + lru_len(c));
	lru_free(c);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
