/* bench_count_decodings.c - benchmark driver: n random digits 1 and 2,
 * the inputs that branch most (every digit is a letter, and so is every
 * pair); checked against a loop */
#include "bench.h"
#include "count_decodings.h"

/* Calls the exercise once on a tiny input before anything is measured, so
 * that the dynamic linker's first-call work for the C library functions
 * it uses is not counted against the first size. */
static uint64_t got;

static void warm_up(void)
{
	bench_sink(count_decodings("12"));
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	char *digits = bench_alloc(n + 1);
	warm_up();
	for (size_t i = 0; i < n; i++)
		digits[i] = (char)('1' + (bench_rand(rng) & 1));
	digits[n] = '\0';
	return digits;
}

void bench_run(void *input, size_t n)
{
	(void)n;
	got = count_decodings(input);
	bench_sink(got);
}

const char *bench_check(void *input, size_t n)
{
	const char *d = input;
	uint64_t before = 1, here = 1; /* ways for d[0..i-1) and d[0..i) */
	for (size_t i = 0; i < n; i++) {
		uint64_t next = d[i] != '0' ? here : 0;
		if (i > 0 && (d[i - 1] == '1' || (d[i - 1] == '2' && d[i] <= '6')))
			next += before;
		before = here;
		here = next;
	}
	return got == here ? NULL : bench_expect("expected %llu for \"%.24s%s\", got %llu", (unsigned long long)here, d,
					       n > 24 ? "..." : "", (unsigned long long)got);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
