/* bench_pack_order.c - benchmark driver: n members of random alignments
 * 1 to 16 and sizes of 1 to 4 times their alignment */
#include "bench.h"
#include "pack_order.h"

struct input {
	struct field *fields;
	size_t *order;
	size_t got;
};

/* Calls the exercise once on a tiny input before anything is measured, so
 * that the dynamic linker's first-call work for the C library functions
 * it uses is not counted against the first size. */
static void warm_up(void)
{
	struct field f[3] = { { 1, 1 }, { 8, 8 }, { 2, 2 } };
	size_t order[3];
	bench_sink(pack_order(f, 3, order));
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));

	warm_up();
	in->fields = bench_alloc(n * sizeof(*in->fields));
	in->order = bench_alloc(n * sizeof(*in->order));
	for (size_t i = 0; i < n; i++) {
		in->fields[i].align = (size_t)1 << bench_rand_int(rng, 0, 4);
		in->fields[i].size = in->fields[i].align * (size_t)bench_rand_int(rng, 1, 4);
	}
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	in->got = pack_order(in->fields, n, in->order);
	bench_sink(in->got);
}

/* The smallest size: sizes are multiples of their alignments, so members
 * in order of falling alignment need no padding but the tail's. */
const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	size_t sum = 0, max_align = 1, at = 0;
	unsigned char *seen = bench_calloc(n + 1, 1);
	const char *wrong = NULL;
	for (size_t i = 0; i < n; i++) {
		sum += in->fields[i].size;
		max_align = in->fields[i].align > max_align ? in->fields[i].align : max_align;
	}
	size_t best = n ? (sum + max_align - 1) / max_align * max_align : 0;
	for (size_t i = 0; i < n && !wrong; i++) {
		size_t k = in->order[i];
		if (k >= n || seen[k]) {
			wrong = bench_expect("expected order[] to be a permutation of 0..%zu, found %zu at %zu", n - 1, k, i);
			break;
		}
		seen[k] = 1;
		at = (at + in->fields[k].align - 1) / in->fields[k].align * in->fields[k].align + in->fields[k].size;
	}
	bench_release(seen);
	if (wrong)
		return wrong;
	at = n ? (at + max_align - 1) / max_align * max_align : 0;
	if (in->got != best)
		return bench_expect("expected the smallest size, %zu, got %zu", best, in->got);
	if (at != best)
		return bench_expect("the order given lays out to %zu bytes, not the %zu returned", at, in->got);
	return NULL;
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->fields);
	bench_release(in->order);
	bench_release(in);
}
