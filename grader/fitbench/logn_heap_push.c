/* logn_heap_push.c - fitbench entry: 32 pushes onto a binary max-heap of n,
 * each a new maximum
 *
 * class: O(log n)
 * sizes: 1024..4194304 x4
 *
 * The worst case of a push: every new value sifts up to the root, one
 * level per halving of the index.
 */
#include "bench.h"

#define PUSHES 32

struct heap {
	int *v;
	size_t len;
};

static void heap_push(struct heap *h, int value)
{
	size_t i = h->len++;

	while (i > 0 && h->v[(i - 1) / 2] < value) {
		h->v[i] = h->v[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	h->v[i] = value;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct heap *h = bench_alloc(sizeof(*h));
	(void)rng;
	h->v = bench_alloc((n + PUSHES) * sizeof(*h->v));
	/* Descending order is a valid max-heap. */
	for (size_t i = 0; i < n; i++)
		h->v[i] = (int)(n - i);
	h->len = n;
	return h;
}

void bench_run(void *input, size_t n)
{
	struct heap *h = input;
	for (int k = 1; k <= PUSHES; k++)
		heap_push(h, (int)n + k);
	bench_sink((uint64_t)h->v[0]);
}

void bench_teardown(void *input, size_t n)
{
	struct heap *h = input;
	(void)n;
	bench_release(h->v);
	bench_release(h);
}
