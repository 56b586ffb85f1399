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
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	size_t live = n / 2;
	in->objs = bench_calloc(n, sizeof(*in->objs));
	in->perm = bench_alloc(n * sizeof(size_t));
	in->extra = bench_alloc(n * sizeof(size_t));
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
	sum += 1000 * gc_collect(h);
	sum += gc_value(first) + gc_count(h);
	gc_unroot(h, first);
	sum += 1000000 * gc_collect(h);
out:
	gc_destroy(h);
	bench_sink(sum);
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
