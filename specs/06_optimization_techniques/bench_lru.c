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
static uint64_t got;

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

	got = (uint64_t)-1;
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
	got = sum + lru_len(c);
	bench_sink(got);
	lru_free(c);
}

/* The same operations on a list of keys in order of use (keys are below n). */
const char *bench_check(void *input, size_t n)
{
	const struct op *ops = input;
	size_t cap = n / 2, size = 0;
	long *prev = bench_alloc((n + 1) * sizeof(long)), *next = bench_alloc((n + 1) * sizeof(long));
	int *value = bench_alloc((n + 1) * sizeof(int));
	unsigned char *in = bench_calloc(n + 1, 1);
	long head = -1, tail = -1; /* most and least recently used */
	uint64_t sum = 0;

#define UNLINK(k) do { \
		if (prev[k] >= 0) next[prev[k]] = next[k]; else head = next[k]; \
		if (next[k] >= 0) prev[next[k]] = prev[k]; else tail = prev[k]; \
	} while (0)
#define PUSH(k) do { \
		prev[k] = -1; next[k] = head; \
		if (head >= 0) prev[head] = (k); else tail = (k); \
		head = (k); \
	} while (0)
	for (size_t i = 0; cap && i < n; i++) {
		long k = ops[i].key;
		if (ops[i].is_get) {
			if (in[k]) {
				sum += (uint64_t)value[k];
				UNLINK(k);
				PUSH(k);
			}
			continue;
		}
		if (in[k]) {
			UNLINK(k);
			size--;
		} else if (size == cap) {
			long old = tail;
			UNLINK(old);
			in[old] = 0;
			size--;
		}
		in[k] = 1;
		size++;
		value[k] = (int)i;
		PUSH(k);
	}
#undef UNLINK
#undef PUSH
	bench_release(prev);
	bench_release(next);
	bench_release(value);
	bench_release(in);
	if (!cap)
		return NULL;
	sum += size;
	return got == sum ? NULL : bench_expect("expected other values from lru_get and lru_len (sum %llu, got %llu)",
					       (unsigned long long)sum, (unsigned long long)got);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
