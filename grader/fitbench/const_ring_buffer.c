/* const_ring_buffer.c - fitbench entry: 512 pushes then 512 pops on a ring
 * buffer of capacity n
 *
 * class: O(1)
 * sizes: 1024..4194304 x4
 *
 * Indices taken modulo n: a division per operation whatever n is, and a
 * buffer that wraps around its end at every size.
 */
#include "bench.h"

#define OPS 512

struct ring {
	int *slots;
	size_t cap, head, len;
};

static void push(struct ring *r, int v)
{
	r->slots[(r->head + r->len) % r->cap] = v;
	r->len++;
}

static int pop(struct ring *r)
{
	int v = r->slots[r->head];
	r->head = (r->head + 1) % r->cap;
	r->len--;
	return v;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct ring *r = bench_alloc(sizeof(*r));
	(void)rng;
	r->slots = bench_calloc(n, sizeof(*r->slots));
	r->cap = n;
	r->head = n - OPS / 2;
	r->len = 0;
	return r;
}

void bench_run(void *input, size_t n)
{
	struct ring *r = input;
	uint64_t sum = 0;
	(void)n;
	for (int i = 0; i < OPS; i++)
		push(r, i);
	for (int i = 0; i < OPS; i++)
		sum += (uint64_t)pop(r);
	bench_sink(sum);
}

void bench_teardown(void *input, size_t n)
{
	struct ring *r = input;
	(void)n;
	bench_release(r->slots);
	bench_release(r);
}
