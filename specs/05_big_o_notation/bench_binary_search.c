/* bench_binary_search.c - benchmark driver: a sorted array of n distinct
 * even values and 32 keys spread evenly over it, each one absent (odd) or
 * present at random, so that a linear scan costs about n per key; every
 * answer is checked */
#include "bench.h"
#include "binary_search.h"

#define KEYS 32

struct input {
	int *a;
	int keys[KEYS];
	ptrdiff_t got[KEYS];
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->a = bench_alloc(n * sizeof(int));
	for (size_t i = 0; i < n; i++)
		in->a[i] = 2 * (int)i - (int)n;
	/* One key in each 32nd of the array, at a random place in it. */
	for (size_t j = 0; j < KEYS; j++) {
		size_t lo = j * n / KEYS, hi = (j + 1) * n / KEYS;
		size_t at = hi > lo ? lo + (size_t)(bench_rand(rng) % (hi - lo)) : 0;
		in->keys[j] = (n ? in->a[at] : 0) + (int)(bench_rand(rng) & 1);
	}
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	uint64_t sum = 0;
	for (size_t j = 0; j < KEYS; j++) {
		in->got[j] = binary_search(in->a, n, in->keys[j]);
		sum += (uint64_t)in->got[j];
	}
	bench_sink(sum);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	for (size_t j = 0; j < KEYS; j++) {
		int key = in->keys[j];
		ptrdiff_t got = in->got[j];
		int present = n && (key - in->a[0]) % 2 == 0 && key >= in->a[0] && key <= in->a[n - 1];
		if (present && (got < 0 || (size_t)got >= n || in->a[got] != key))
			return bench_expect("expected the index of %d, %td, got %td", key,
					    (ptrdiff_t)((key - in->a[0]) / 2), got);
		if (!present && got != -1)
			return bench_expect("expected -1 for the absent key %d, got %td", key, got);
	}
	return NULL;
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in);
}
