/* bench_slice.c - benchmark driver: about the middle half of an array of
 * n ints, the bounds drawn at random (to past n half of the time, to be
 * clamped); checked: the view points into the array where it should */
#include "bench.h"
#include "slice.h"

struct input {
	int *a;
	size_t from, to;
	struct int_view got;
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->a = bench_alloc(n * sizeof(int));
	for (size_t i = 0; i < n; i++)
		in->a[i] = bench_rand_int(rng, -1000, 1000);
	in->from = (size_t)(bench_rand(rng) % (n / 4 + 1));
	in->to = n - (size_t)(bench_rand(rng) % (n / 4 + 1));
	if (bench_rand(rng) & 1)
		in->to += n;
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	in->got = slice(in->a, n, in->from, in->to);
	bench_sink(in->got.len);
	if (in->got.len)
		bench_sink((uint64_t)in->got.data[in->got.len - 1]);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	size_t to = in->to < n ? in->to : n;
	size_t len = in->from < to ? to - in->from : 0;
	if (in->got.len != len)
		return bench_expect("expected a view of %zu ints for [%zu, %zu), got %zu", len, in->from, in->to,
				    in->got.len);
	if (len && in->got.data != in->a + in->from)
		return bench_expect("expected the view to point at a + %zu, into the array itself", in->from);
	return NULL;
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in);
}
