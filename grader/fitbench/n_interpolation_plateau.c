/* n_interpolation_plateau.c - fitbench entry: 32 interpolation searches in
 * an array that is one long run of a value, then n/64 distinct values,
 * then one far larger
 *
 * class: O(n)
 * sizes: 1024..65536 x2
 *
 * Input-dependent: about log log n probes on evenly spread values; here
 * every guess lands near the start of what is left and the search crawls
 * one element at a time, about n probes per key.
 */
#include <stdint.h>

#include "bench.h"

#define KEYS 32

struct input {
	int *a;
	int keys[KEYS];
};

static ptrdiff_t search(const int *a, size_t n, int key)
{
	size_t lo = 0, hi = n;
	while (lo < hi && key >= a[lo] && key <= a[hi - 1]) {
		size_t pos = lo;
		if (a[hi - 1] != a[lo])
			pos += (size_t)((int64_t)(key - (int64_t)a[lo]) * (int64_t)(hi - 1 - lo) /
					((int64_t)a[hi - 1] - a[lo]));
		if (a[pos] == key)
			return (ptrdiff_t)pos;
		if (a[pos] < key)
			lo = pos + 1;
		else
			hi = pos;
	}
	return -1;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	size_t tail = n / 64 > 1 ? n / 64 : 1, from = n - 1 - tail;
	in->a = bench_alloc(n * sizeof(int));
	for (size_t i = 0; i < from; i++)
		in->a[i] = 0;
	for (size_t i = from; i + 1 < n; i++)
		in->a[i] = 2 * (int)(i - from + 1);
	in->a[n - 1] = 1 << 30;
	for (size_t j = 0; j < KEYS; j++)
		in->keys[j] = in->a[from + (size_t)(bench_rand(rng) % tail)] + (int)(bench_rand(rng) & 1);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	uint64_t sum = 0;
	for (size_t j = 0; j < KEYS; j++)
		sum += (uint64_t)search(in->a, n, in->keys[j]);
	bench_sink(sum);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in);
}
