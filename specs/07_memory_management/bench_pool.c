/* bench_pool.c - benchmark driver: a pool of n objects of 40 bytes; all n
 * allocated and written, half given back in random order, allocated
 * again, half given back again, and the pool destroyed with n/2 objects
 * still out (the pool must free those itself) */
#include <string.h>

#include "bench.h"
#include "pool.h"

#define OBJ_SIZE 40

struct input {
	void **objs;
	size_t *order; /* a random permutation of 0..n-1 */
	uint64_t sum;
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->objs = bench_calloc(n, sizeof(void *));
	in->order = bench_alloc(n * sizeof(size_t));
	in->sum = (uint64_t)-1;
	for (size_t i = 0; i < n; i++)
		in->order[i] = i;
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(bench_rand(rng) % i), t = in->order[i - 1];
		in->order[i - 1] = in->order[j];
		in->order[j] = t;
	}
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	struct pool *p = pool_create(OBJ_SIZE, n);
	uint64_t sum = 0;

	if (!p)
		return;
	for (size_t i = 0; i < n; i++) {
		in->objs[i] = pool_alloc(p);
		if (in->objs[i])
			memset(in->objs[i], (int)(i & 0xff), OBJ_SIZE);
	}
	for (size_t i = 0; i < n / 2; i++) {
		size_t k = in->order[i];
		pool_free(p, in->objs[k]);
		in->objs[k] = NULL;
	}
	for (size_t i = 0; i < n / 2; i++) {
		size_t k = in->order[i];
		in->objs[k] = pool_alloc(p);
		if (in->objs[k])
			memset(in->objs[k], (int)(k & 0xff), OBJ_SIZE);
	}
	for (size_t i = n / 2; i < n; i++) {
		size_t k = in->order[i];
		sum += *(unsigned char *)in->objs[k];
		pool_free(p, in->objs[k]);
	}
	pool_destroy(p);
	in->sum = sum;
	bench_sink(sum);
}

/* Each object read at the end was written once with the low byte of its
 * index and never given back: objects that overlap or were handed out
 * twice read otherwise. */
const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	uint64_t want = 0;
	for (size_t i = n / 2; i < n; i++)
		want += in->order[i] & 0xff;
	return in->sum == want ? NULL : bench_expect("expected the objects to keep what was written in them (sum %llu, got %llu)",
						   (unsigned long long)want, (unsigned long long)in->sum);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->objs);
	bench_release(in->order);
	bench_release(in);
}
