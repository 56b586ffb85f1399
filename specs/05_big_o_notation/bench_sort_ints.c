/* bench_sort_ints.c - benchmark driver: n ints to sort; checked: ascending,
 * and the same values (a sum and a hash of the multiset taken before).
 *
 * Four input families (the spec's complexity.families), each its own
 * ladder, the verdict the worst:
 *   random        from the whole range of int
 *   ascending     already sorted (a quicksort that takes the first or last
 *                 element as pivot is quadratic on it)
 *   descending    sorted the other way (insertion sort's worst case)
 *   few distinct  eight values, repeated (a partition that sends equal
 *                 keys all to one side is quadratic on it) */
#include <limits.h>

#include "bench.h"
#include "sort_ints.h"

struct input {
	int *a;
	uint64_t sum, hash;
};

static uint64_t mix(int v)
{
	uint64_t z = (uint64_t)(unsigned)v * 0x9e3779b97f4a7c15ull + 0x632be59bd9b4e019ull;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	return z ^ (z >> 27);
}

static void fingerprint(const int *a, size_t n, uint64_t *sum, uint64_t *hash)
{
	*sum = *hash = 0;
	for (size_t i = 0; i < n; i++) {
		*sum += (uint64_t)(int64_t)a[i];
		*hash += mix(a[i]);
	}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->a = bench_alloc(n * sizeof(int));
	/* Where the sorted shapes start: another place at every size. */
	int lo = bench_rand_int(rng, -1000000, 1000000);
	for (size_t i = 0; i < n; i++) {
		switch (bench_family()) {
		case 1:
			in->a[i] = lo + 3 * (int)i;
			break;
		case 2:
			in->a[i] = lo - 3 * (int)i;
			break;
		case 3:
			in->a[i] = lo + bench_rand_int(rng, 0, 7);
			break;
		default:
			in->a[i] = bench_rand_int(rng, INT_MIN, INT_MAX);
		}
	}
	fingerprint(in->a, n, &in->sum, &in->hash);
	return in;
}

void bench_run(void *input, size_t n)
{
	int *a = ((struct input *)input)->a;
	sort_ints(a, n);
	bench_sink(n ? (uint64_t)a[0] ^ (uint64_t)a[n / 2] ^ (uint64_t)a[n - 1] : 0);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	uint64_t sum, hash;
	for (size_t i = 1; i < n; i++)
		if (in->a[i - 1] > in->a[i])
			return bench_expect("expected ascending order, found a[%zu] = %d > a[%zu] = %d", i - 1,
					    in->a[i - 1], i, in->a[i]);
	fingerprint(in->a, n, &sum, &hash);
	if (sum != in->sum || hash != in->hash)
		return "expected the same values, sorted: some were lost or changed";
	return NULL;
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in);
}
