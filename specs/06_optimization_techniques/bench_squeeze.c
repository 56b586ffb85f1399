/* bench_squeeze.c - benchmark driver: n random lower-case letters; drop is
 * n/4 digits and punctuation (none of them in the string) ending with the
 * five vowels, so that searching drop for each letter costs its length */
#include "bench.h"
#include "squeeze.h"

struct input {
	char *s, *drop, *orig;
	size_t got;
};

/* Calls the exercise once on a tiny input before anything is measured, so
 * that the dynamic linker's first-call work for the C library functions
 * it uses is not counted against the first size. */
static void warm_up(void)
{
	char s[] = "abc";
	bench_sink(squeeze(s, "b"));
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	static const char filler[] = "0123456789.,;:!?-+*/";
	struct input *in = bench_alloc(sizeof(*in));
	size_t k = n / 4 + 5;

	warm_up();

	in->s = bench_alloc(n + 1);
	in->drop = bench_alloc(k + 1);
	for (size_t i = 0; i < n; i++)
		in->s[i] = (char)bench_rand_int(rng, 'a', 'z');
	in->s[n] = '\0';
	for (size_t i = 0; i + 5 < k; i++)
		in->drop[i] = filler[bench_rand_int(rng, 0, (int)sizeof(filler) - 2)];
	for (size_t i = 0; i < 5; i++)
		in->drop[k - 5 + i] = "aeiou"[i];
	in->drop[k] = '\0';
	in->orig = bench_alloc(n + 1);
	for (size_t i = 0; i <= n; i++)
		in->orig[i] = in->s[i];
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	in->got = squeeze(in->s, in->drop);
	bench_sink(in->got);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	unsigned char gone[256] = { 0 };
	size_t len = 0;
	for (const char *p = in->drop; *p; p++)
		gone[(unsigned char)*p] = 1;
	for (size_t i = 0; i < n; i++) {
		if (gone[(unsigned char)in->orig[i]])
			continue;
		if (in->s[len] != in->orig[i])
			return bench_expect("expected '%c' at %zu, found '%c'", in->orig[i], len, in->s[len]);
		len++;
	}
	if (in->got != len)
		return bench_expect("expected length %zu, got %zu", len, in->got);
	if (in->s[len] != '\0')
		return bench_expect("expected the string to end ('\\0') at %zu", len);
	return NULL;
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->s);
	bench_release(in->drop);
	bench_release(in->orig);
	bench_release(in);
}
