/* bench_struct_layout.c - benchmark driver: n members of random alignments
 * 1 to 16 and sizes of 1 to 4 times their alignment */
#include "bench.h"
#include "struct_layout.h"

struct input {
	struct field *fields;
	size_t *offsets;
	size_t got;
};

/* Calls the exercise once on a tiny input before anything is measured, so
 * that the dynamic linker's first-call work for the C library functions
 * it uses is not counted against the first size. */
static void warm_up(void)
{
	struct field f[3] = { { 1, 1 }, { 8, 8 }, { 2, 2 } };
	size_t offsets[3];
	bench_sink(struct_layout(f, 3, offsets));
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));

	warm_up();
	in->fields = bench_alloc(n * sizeof(*in->fields));
	in->offsets = bench_alloc(n * sizeof(*in->offsets));
	for (size_t i = 0; i < n; i++) {
		in->fields[i].align = (size_t)1 << bench_rand_int(rng, 0, 4);
		in->fields[i].size = in->fields[i].align * (size_t)bench_rand_int(rng, 1, 4);
	}
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	in->got = struct_layout(in->fields, n, in->offsets);
	bench_sink(in->got);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	size_t at = 0, max_align = 1;
	for (size_t i = 0; i < n; i++) {
		size_t a = in->fields[i].align;
		at = (at + a - 1) / a * a;
		if (in->offsets[i] != at)
			return bench_expect("expected member %zu at offset %zu, got %zu", i, at, in->offsets[i]);
		at += in->fields[i].size;
		max_align = a > max_align ? a : max_align;
	}
	size_t size = n ? (at + max_align - 1) / max_align * max_align : 0;
	return in->got == size ? NULL : bench_expect("expected size %zu, got %zu", size, in->got);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->fields);
	bench_release(in->offsets);
	bench_release(in);
}
