/* n_list_walk.c - fitbench entry: counts the even values of a linked list
 * of n nodes scattered in memory
 *
 * class: O(n)
 * sizes: 1024..1048576 x2
 *
 * The nodes are linked in random order through one block, so each step is
 * a dependent load to an unpredictable address: linear in instructions,
 * worse than linear in time once the list outgrows the caches.
 */
#include "bench.h"

struct node {
	struct node *next;
	int value;
};

struct input {
	struct node *block;
	struct node *head;
};

static size_t count_even(const struct node *p)
{
	size_t c = 0;

	for (; p; p = p->next)
		c += !(p->value & 1);
	return c;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	int *order = bench_alloc(n * sizeof(*order));
	in->block = bench_alloc(n * sizeof(*in->block));
	bench_fill_distinct(rng, order, n, 0);
	for (size_t i = 0; i < n; i++) {
		struct node *p = &in->block[order[i]];
		p->value = (int)i;
		p->next = i + 1 < n ? &in->block[order[i + 1]] : NULL;
	}
	in->head = &in->block[order[0]];
	bench_release(order);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_sink(count_even(in->head));
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->block);
	bench_release(in);
}
