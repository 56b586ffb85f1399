/* bench_splice_bytes.c - benchmark driver: a buffer of n bytes with room
 * for n/8 more; n/8 bytes typed over a 4-byte selection at n/8, so that
 * the 7n/8-byte tail moves right over itself */
#include "bench.h"
#include "splice_bytes.h"

struct input {
	char *buf, *ins;
	size_t used, cap;
};

/* Calls the exercise once on a tiny input before anything is measured, so
 * that the dynamic linker's first-call work for the C library functions
 * it uses is not counted against the first size. */
static void warm_up(void)
{
	char buf[8] = "abcd";
	size_t used = 4;
	bench_sink(splice_bytes(buf, &used, sizeof(buf), 1, 2, "xyz", 3));
	bench_sink(splice_bytes(buf, &used, sizeof(buf), 1, 4, "", 0));
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));

	warm_up();
	in->used = n;
	in->cap = n + n / 8;
	in->buf = bench_alloc(in->cap);
	in->ins = bench_alloc(n / 8 + 1);
	for (size_t i = 0; i < n; i++)
		in->buf[i] = (char)bench_rand_int(rng, 'a', 'z');
	for (size_t i = 0; i < n / 8; i++)
		in->ins[i] = (char)bench_rand_int(rng, 'A', 'Z');
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	bench_sink(splice_bytes(in->buf, &in->used, in->cap, n / 8, n / 8 + 4, in->ins, n / 8));
	bench_sink(in->used);
	bench_sink((uint64_t)in->buf[in->used - 1]);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->buf);
	bench_release(in->ins);
	bench_release(in);
}
