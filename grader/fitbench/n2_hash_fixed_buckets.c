/* n2_hash_fixed_buckets.c - fitbench entry: a chained hash set of n random
 * distinct ints whose hash reaches only 256 of its 1024 buckets
 *
 * class: O(n^2)
 * sizes: 1024..65536 x2
 *
 * Each insert hashes, walks its bucket's chain for a duplicate and
 * allocates a node: n allocations plus n^2/512 chain steps, n + n^2/c.
 * At the small sizes the allocations dominate and it looks linear; the
 * quadratic term takes over as n grows (each doubling multiplies the
 * count by 2.0 at first, 3.0 at the top). Quadratic nonetheless.
 */
#include <stdlib.h>

#include "bench.h"

#define BUCKETS 1024

struct node {
	int key;
	struct node *next;
};

/* Only multiples of 4: a quarter of the buckets. */
static size_t bucket(int key)
{
	return ((unsigned)key * 4u) % BUCKETS;
}

static size_t build_set(const int *keys, size_t n)
{
	struct node *table[BUCKETS] = { 0 };
	size_t size = 0;

	for (size_t i = 0; i < n; i++) {
		size_t b = bucket(keys[i]);
		struct node *p = table[b];
		while (p && p->key != keys[i])
			p = p->next;
		if (p)
			continue;
		p = malloc(sizeof(*p));
		if (!p)
			break;
		p->key = keys[i];
		p->next = table[b];
		table[b] = p;
		size++;
	}
	for (size_t b = 0; b < BUCKETS; b++)
		while (table[b]) {
			struct node *next = table[b]->next;
			free(table[b]);
			table[b] = next;
		}
	return size;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	bench_fill_distinct(rng, a, n, 0);
	return a;
}

void bench_run(void *input, size_t n)
{
	bench_sink(build_set(input, n));
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
