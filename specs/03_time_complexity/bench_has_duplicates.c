/* bench_has_duplicates.c - benchmark driver: n values, all distinct (the
 * worst case: no early exit) or, at random from the seed, with a single
 * duplicate planted at random places in the last sixteenth, which costs
 * about the same; so the right answer changes from size to size and a
 * shortcut taken only when measured answers wrong.
 *
 * Two input families (the spec's complexity.families), each its own
 * ladder, the verdict the worst:
 *   distinct    distinct values spread over the whole int range, in a
 *               scrambled order (a table over [min, max] is 4 GiB wide)
 *   descending  consecutive values in falling order (a quicksort that
 *               takes the first element as pivot is quadratic on it; a
 *               table over [min, max] is only n wide) */
#include "bench.h"
#include "has_duplicates.h"

struct input {
	int *a;
	int expect, got;
};

/* A bijection of the 32-bit values that looks random (the finaliser of
 * MurmurHash3: each step, an xor-shift or a multiplication by an odd
 * number, can be undone). */
static uint32_t scramble(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x85ebca6bu;
	x ^= x >> 13;
	x *= 0xc2b2ae35u;
	x ^= x >> 16;
	return x;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->a = bench_alloc(n * sizeof(int));
	int lo = -(int)(n / 2) + bench_rand_int(rng, -1000, 1000);
	bench_fill_distinct(rng, in->a, n, lo);
	if (bench_family() == 1) {
		for (size_t i = 0; i < n; i++)
			in->a[i] = lo + (int)(n - 1 - i);
	} else {
		/* scramble is one-to-one on 32 bits: the consecutive values
		 * become distinct values spread at random over the whole
		 * range, with no pattern a hash could trip on. */
		uint32_t key = (uint32_t)bench_rand(rng);
		for (size_t i = 0; i < n; i++)
			in->a[i] = (int)scramble((uint32_t)in->a[i] ^ key);
	}
	in->expect = n >= 2 && (bench_rand(rng) & 1);
	if (in->expect) {
		size_t tail = n / 16 > 2 ? n / 16 : 2;
		size_t p = n - tail + (size_t)(bench_rand(rng) % tail);
		size_t q = n - tail + (size_t)(bench_rand(rng) % (tail - 1));
		if (q >= p)
			q++;
		in->a[q] = in->a[p];
	}
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	in->got = has_duplicates(in->a, n);
	bench_sink((uint64_t)in->got);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	if (in->got == in->expect)
		return NULL;
	return in->expect ? "expected true: one value occurs twice" : "expected false: all values distinct";
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->a);
	bench_release(in);
}
