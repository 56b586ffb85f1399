/* bench_refcount.c - benchmark driver: n objects in a tree, each holding a
 * reference to its parent (object i's parent is (i-1)/2); every object is
 * retained once more and released twice, in random orders, so each is
 * freed when its own last holder lets go and then releases its parent */
#include "bench.h"
#include "refcount.h"

struct node {
	struct node *parent;
	uint64_t value;
	uint64_t pad[2]; /* 32 bytes in all */
};

struct input {
	void **objs;
	size_t *order1, *order2; /* two random permutations of 0..n-1 */
	uint64_t counts, destroyed;
};

static size_t destroyed;

static void node_destroy(void *obj)
{
	struct node *nd = obj;
	destroyed++;
	rc_release(nd->parent);
}

static void shuffle(struct bench_rng *rng, size_t *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		a[i] = i;
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(bench_rand(rng) % i), t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->objs = bench_calloc(n, sizeof(void *));
	in->order1 = bench_alloc(n * sizeof(size_t));
	in->order2 = bench_alloc(n * sizeof(size_t));
	in->counts = in->destroyed = (uint64_t)-1;
	shuffle(rng, in->order1, n);
	shuffle(rng, in->order2, n);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	uint64_t sum = 0;

	destroyed = 0;
	for (size_t i = 0; i < n; i++) {
		struct node *nd = rc_new(sizeof(*nd), node_destroy);
		if (!nd)
			return; /* leaks what was made: the check fails anyway */
		nd->parent = i ? rc_retain(in->objs[(i - 1) / 2]) : NULL;
		nd->value = i;
		in->objs[i] = nd;
	}
	for (size_t i = 0; i < n; i++)
		rc_retain(in->objs[in->order1[i]]);
	for (size_t i = 0; i < n; i++)
		sum += rc_count(in->objs[i]);
	for (size_t i = 0; i < n; i++)
		rc_release(in->objs[in->order2[i]]);
	for (size_t i = 0; i < n; i++)
		rc_release(in->objs[in->order1[i]]);
	in->counts = sum;
	in->destroyed = destroyed;
	bench_sink(sum + destroyed);
}

/* Object i holds its own reference, one retained, and one from each of
 * its children: 2n + (n - 1) in all; every object is destroyed at the end. */
const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	uint64_t want = n ? 3 * (uint64_t)n - 1 : 0;
	if (in->counts != want)
		return bench_expect("expected the counts to add up to %llu, got %llu", (unsigned long long)want,
				    (unsigned long long)in->counts);
	if (in->destroyed != n)
		return bench_expect("expected all %zu objects destroyed, got %llu", n, (unsigned long long)in->destroyed);
	return NULL;
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->objs);
	bench_release(in->order1);
	bench_release(in->order2);
	bench_release(in);
}
