/* logn_tree_overhead.c - fitbench entry: validates a fixed 1024-entry table,
 * then finds the smallest key of a balanced binary search tree of n nodes
 *
 * class: O(log n)
 * sizes: 1024..1048576 x4
 *
 * A large constant overhead (some 6 000 instructions) on a slowly growing
 * term (4 per level): the total grows by 0.6% over the whole ladder, and
 * still that growth is logarithmic. The nodes lie in memory in random
 * order, so every step down the tree is a cache miss at the larger sizes.
 */
#include "bench.h"

#define TABLE 1024

struct node {
	int key;
	struct node *left, *right;
};

struct input {
	uint32_t table[TABLE];
	struct node *nodes; /* one block, nodes in shuffled order */
	struct node *root;
};

static struct node *build(struct node *pool, const int *slot, int lo, int hi)
{
	if (lo > hi)
		return NULL;
	int mid = lo + (hi - lo) / 2;
	struct node *t = &pool[slot[mid]];
	t->key = mid;
	t->left = build(pool, slot, lo, mid - 1);
	t->right = build(pool, slot, mid + 1, hi);
	return t;
}

static uint64_t smallest_checked(const struct input *in)
{
	uint32_t sum = 0;

	for (int i = 0; i < TABLE; i++)
		sum += in->table[i] ^ (uint32_t)i;
	const struct node *t = in->root;
	while (t->left)
		t = t->left;
	return (uint64_t)sum << 32 | (uint32_t)t->key;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	int *slot = bench_alloc(n * sizeof(*slot));
	for (int i = 0; i < TABLE; i++)
		in->table[i] = (uint32_t)bench_rand(rng);
	in->nodes = bench_alloc(n * sizeof(*in->nodes));
	bench_fill_distinct(rng, slot, n, 0);
	in->root = build(in->nodes, slot, 0, (int)n - 1);
	bench_release(slot);
	return in;
}

void bench_run(void *input, size_t n)
{
	(void)n;
	bench_sink(smallest_checked(input));
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->nodes);
	bench_release(in);
}
