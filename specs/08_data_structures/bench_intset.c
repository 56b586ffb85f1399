/* bench_intset.c - benchmark driver: n adds (about one in four a value
 * already added), n lookups (half of them hits), n/2 removes and n lookups
 * again.
 *
 * Two input families (the spec's complexity.families), each its own
 * ladder, the verdict the worst:
 *   random   values spread over the whole int range
 *   strided  random multiples of 65536: their low 16 bits are all zero
 *            (a table indexed by the value's low bits puts every one in
 *            the same slot: quadratic) */
#include <stdlib.h>

#include "bench.h"
#include "intset.h"

struct input {
	int *adds;    /* n values to add, some repeated */
	int *lookups; /* n values to look up: every other one was added */
	uint64_t sum;
};

static int by_value(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

/* A value of the family being measured. */
static int value(struct bench_rng *rng)
{
	uint32_t v = (uint32_t)bench_rand(rng);
	return (int)(bench_family() == 1 ? v << 16 : v);
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->adds = bench_alloc(n * sizeof(int));
	in->lookups = bench_alloc(n * sizeof(int));
	in->sum = (uint64_t)-1;
	for (size_t i = 0; i < n; i++) {
		if (i >= 4 && bench_rand(rng) % 4 == 0)
			in->adds[i] = in->adds[bench_rand(rng) % i];
		else
			in->adds[i] = value(rng);
	}
	for (size_t i = 0; i < n; i++)
		in->lookups[i] = i % 2 ? in->adds[bench_rand(rng) % n] : value(rng);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	struct intset *s = intset_new();
	uint64_t sum = 0;

	if (!s)
		return;
	for (size_t i = 0; i < n; i++)
		sum += (uint64_t)intset_add(s, in->adds[i]);
	for (size_t i = 0; i < n; i++)
		sum += intset_contains(s, in->lookups[i]);
	for (size_t i = 0; i < n / 2; i++)
		sum += intset_remove(s, in->adds[2 * i]);
	for (size_t i = 0; i < n; i++)
		sum += intset_contains(s, in->lookups[i]);
	sum += intset_size(s);
	intset_free(s);
	in->sum = sum;
	bench_sink(sum);
}

/* The same operations on a sorted array of the values, each marked in or
 * out of the set. */
const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	int *v = bench_alloc((n + 1) * sizeof(int));
	unsigned char *there = bench_calloc(n + 1, 1);
	uint64_t sum = 0, size = 0;
	for (size_t i = 0; i < n; i++)
		v[i] = in->adds[i];
	qsort(v, n, sizeof(int), by_value);
#define FIND(x) ((int *)bsearch(&(x), v, n, sizeof(int), by_value))
	/* Duplicates in v: mark the first of equal values only. */
	for (size_t i = 0; i < n; i++) {
		int *p = FIND(in->adds[i]);
		while (p > v && p[-1] == *p)
			p--;
		sum += !there[p - v];
		size += !there[p - v];
		there[p - v] = 1;
	}
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n; i++) {
			int *p = FIND(in->lookups[i]);
			while (p && p > v && p[-1] == *p)
				p--;
			sum += p && there[p - v];
		}
		for (size_t i = 0; !pass && i < n / 2; i++) {
			int *p = FIND(in->adds[2 * i]);
			while (p > v && p[-1] == *p)
				p--;
			sum += there[p - v];
			size -= there[p - v];
			there[p - v] = 0;
		}
	}
#undef FIND
	sum += size;
	bench_release(v);
	bench_release(there);
	return sum == in->sum ? NULL : bench_expect("expected other answers from add, contains and remove (sum %llu, got %llu)",
						  (unsigned long long)sum, (unsigned long long)in->sum);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->adds);
	bench_release(in->lookups);
	bench_release(in);
}
