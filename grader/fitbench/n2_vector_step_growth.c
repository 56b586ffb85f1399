/* n2_vector_step_growth.c - fitbench entry: n appends to a vector that
 * grows by a constant 256 elements
 *
 * class: O(n^2)
 * sizes: 1024..262144 x2
 *
 * Every 256 appends the vector moves to a new block 256 elements larger
 * and copies what it holds: n/256 copies of n/2 elements on average, so
 * n + n^2/512 element moves. Linear-looking at the small sizes, where the
 * appends dominate; quadratic, as growing by a factor would not be.
 */
#include <stdlib.h>
#include <string.h>

#include "bench.h"

#define STEP 256

struct vec {
	int *data;
	size_t len, cap;
};

static int push(struct vec *v, int x)
{
	if (v->len == v->cap) {
		int *bigger = malloc((v->cap + STEP) * sizeof(*bigger));
		if (!bigger)
			return -1;
		if (v->len)
			memcpy(bigger, v->data, v->len * sizeof(*bigger));
		free(v->data);
		v->data = bigger;
		v->cap += STEP;
	}
	v->data[v->len++] = x;
	return 0;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	(void)n;
	(void)rng;
	return NULL;
}

void bench_run(void *input, size_t n)
{
	struct vec v = { NULL, 0, 0 };
	(void)input;
	for (size_t i = 0; i < n; i++)
		if (push(&v, (int)i))
			break;
	bench_sink(v.len ? (uint64_t)v.data[v.len / 2] : 0);
	free(v.data);
}

void bench_teardown(void *input, size_t n)
{
	(void)input;
	(void)n;
}
