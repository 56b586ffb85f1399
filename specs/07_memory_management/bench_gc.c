/* bench_gc.c - benchmark driver: n objects, two references each. Half of
 * them form one long chain from the only root (each also refers back to
 * some object earlier in the chain, so there is no short cut); the other half
 * is garbage: a ring, each also referring to a random object, live or not.
 * Measured: building it all, a collection (frees the ring), unrooting,
 * a second collection (frees the chain) and destroying the heap. */
#include "bench.h"
#include "gc.h"

struct input {
	struct gc_object **objs;
	size_t *perm;  /* perm[0..n/2): the chain in order; the rest: the ring */
	size_t *extra; /* the second reference of each object, as an index into perm */
	size_t freed1, count, freed2;
	int value;
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	size_t live = n / 2;
	in->objs = bench_calloc(n, sizeof(*in->objs));
	in->perm = bench_alloc(n * sizeof(size_t));
	in->extra = bench_alloc(n * sizeof(size_t));
	in->freed1 = in->count = in->freed2 = (size_t)-1;
	in->value = -1;
	for (size_t i = 0; i < n; i++)
		in->perm[i] = i;
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(bench_rand(rng) % i), t = in->perm[i - 1];
		in->perm[i - 1] = in->perm[j];
		in->perm[j] = t;
	}
	for (size_t k = 0; k < n; k++)
		in->extra[k] = k < live ? (size_t)(bench_rand(rng) % (k + 1)) : (size_t)(bench_rand(rng) % n);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	size_t live = n / 2, dead = n - live;
	struct gc_heap *h = gc_create();
	uint64_t sum = 0;

	if (!h || n < 2)
		goto out;
	for (size_t i = 0; i < n; i++) {
		in->objs[i] = gc_new_object(h, (int)i);
		if (!in->objs[i])
			goto out;
	}
	struct gc_object *first = in->objs[in->perm[0]];
	gc_root(h, first);
	for (size_t k = 0; k < n; k++) {
		struct gc_object *o = in->objs[in->perm[k]];
		size_t next = k < live ? k + 1 : live + (k - live + 1) % dead;
		if (k + 1 != live)
			sum += gc_link(o, in->objs[in->perm[next]]);
		sum += gc_link(o, in->objs[in->perm[in->extra[k]]]);
	}
	in->freed1 = gc_collect(h);
	in->value = gc_value(first);
	in->count = gc_count(h);
	gc_unroot(h, first);
	in->freed2 = gc_collect(h);
	sum += in->freed1 + 1000 * in->count + 1000000 * in->freed2 + (uint64_t)in->value;
out:
	gc_destroy(h);
	bench_sink(sum);
}

/* The ring is garbage from the start; the chain only once unrooted. */
const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	size_t live = n / 2, dead = n - live;
	if (n < 2)
		return NULL;
	if (in->freed1 != dead)
		return bench_expect("expected the first collection to free the %zu unreachable objects, it freed %zu",
				    dead, in->freed1);
	if (in->count != live || in->value != (int)in->perm[0])
		return bench_expect("expected %zu live objects and the root's value %d, got %zu and %d", live,
				    (int)in->perm[0], in->count, in->value);
	if (in->freed2 != live)
		return bench_expect("expected the second collection to free the %zu unrooted objects, it freed %zu",
				    live, in->freed2);
	return NULL;
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->objs);
	bench_release(in->perm);
	bench_release(in->extra);
	bench_release(in);
}
