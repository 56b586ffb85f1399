/* bench_binary_search.c - benchmark driver: a sorted array of n values and
 * 32 keys spread over it, each one absent or present at random, so that a
 * linear scan costs about n per key; every answer is checked.
 *
 * Two input families (the spec's complexity.families), each its own
 * ladder, the verdict the worst:
 *   even     n distinct even values, evenly spaced; the keys one in each
 *            32nd of the array (odd when absent)
 *   plateau  a long run of one value, then n/64 distinct even values, then
 *            one far larger; the keys among the distinct ones (an
 *            interpolation search, fast on even spacing, guesses a place
 *            near the start every time and crawls: O(n) per key) */
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
	/* Where the keys are drawn from: the whole array, or the plateau's
	 * distinct tail (the last value, far larger, left out). */
	size_t from = 0, to = n;
	if (bench_family() == 1 && n >= 4) {
		size_t tail = n / 64 > 1 ? n / 64 : 1;
		from = n - 1 - tail;
		to = n - 1;
		for (size_t i = 0; i < from; i++)
			in->a[i] = 0;
		for (size_t i = from; i < to; i++)
			in->a[i] = 2 * (int)(i - from + 1);
		in->a[n - 1] = 1 << 30;
	} else {
		for (size_t i = 0; i < n; i++)
			in->a[i] = 2 * (int)i - (int)n;
	}
	/* One key in each 32nd of that range, at a random place in it. */
	for (size_t j = 0; j < KEYS; j++) {
		size_t lo = from + j * (to - from) / KEYS, hi = from + (j + 1) * (to - from) / KEYS;
		size_t at = hi > lo ? lo + (size_t)(bench_rand(rng) % (hi - lo)) : from;
		in->keys[j] = (n ? in->a[at] : 0) + (int)(bench_rand(rng) & 1);
	}
	return in;
}

/* Whether key is in a[0..n): the plain halving search, as a reference. */
static int contains(const int *a, size_t n, int key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && a[lo] == key;
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
		int present = contains(in->a, n, key);
		if (present && (got < 0 || (size_t)got >= n || in->a[got] != key))
			return bench_expect("expected an index of %d, got %td", key, got);
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
