/* bench_splice_bytes.c - benchmark driver: a buffer of n bytes with room
 * for n/8 more; n/8 bytes typed over a 4-byte selection at n/8, so that
 * the 7n/8-byte tail moves right over itself */
#include "bench.h"
#include "splice_bytes.h"

struct input {
	char *buf, *ins, *orig;
	size_t used, cap, from;
	int ok;
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
	in->orig = bench_alloc(n + 1);
	in->ins = bench_alloc(n / 8 + 1);
	in->from = n / 16 + (size_t)(bench_rand(rng) % (n / 16 + 1));
	for (size_t i = 0; i < n; i++)
		in->buf[i] = (char)bench_rand_int(rng, 'a', 'z');
	for (size_t i = 0; i < n / 8; i++)
		in->ins[i] = (char)bench_rand_int(rng, 'A', 'Z');
	for (size_t i = 0; i < n; i++)
		in->orig[i] = in->buf[i];
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	in->ok = splice_bytes(in->buf, &in->used, in->cap, in->from, in->from + 4, in->ins, n / 8);
	bench_sink((uint64_t)in->ok + in->used);
	if (in->used)
		bench_sink((uint64_t)in->buf[in->used - 1]);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	size_t from = in->from, to = from + 4, len = n / 8;
	if (to > n)
		return in->ok ? bench_expect("expected false: [%zu, %zu) is past the %zu bytes", from, to, n) : NULL;
	if (!in->ok || in->used != n - 4 + len)
		return bench_expect("expected true and %zu bytes, got %s and %zu", n - 4 + len,
				    in->ok ? "true" : "false", in->used);
	for (size_t i = 0; i < in->used; i++) {
		char want = i < from ? in->orig[i] : i < from + len ? in->ins[i - from] : in->orig[i - len + 4];
		if (in->buf[i] != want)
			return bench_expect("expected byte %zu to be '%c', found '%c'", i, want, in->buf[i]);
	}
	return NULL;
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->buf);
	bench_release(in->orig);
	bench_release(in->ins);
	bench_release(in);
}
