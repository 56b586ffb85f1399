/* test_squeeze.c - correctness of squeeze */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "squeeze.h"

#include "test_heap.h"
#include "test_random.h"

/* Calls squeeze on copies; the heap the call holds is held to the budget
 * at n = strlen(s) (the benchmark's n: test_heap.h). */
static void check(const char *s, const char *drop, const char *want)
{
	char buf[256], drop_copy[256];
	cr_assert(strlen(s) + 2 < sizeof(buf) && strlen(drop) < sizeof(drop_copy));
	strcpy(buf, s);
	buf[strlen(s) + 1] = '#';
	strcpy(drop_copy, drop);
	heap_input(strlen(s));
	size_t got = squeeze(buf, drop_copy);
	heap_input_done();
	cr_assert_str_eq(buf, want, "squeeze(\"%s\", \"%s\"): expected \"%s\", got \"%s\"",
			 s, drop, want, buf);
	cr_assert_eq(got, strlen(want), "squeeze(\"%s\", \"%s\"): expected length %zu returned, got %zu",
		     s, drop, strlen(want), got);
	cr_assert_eq(buf[strlen(s) + 1], '#', "squeeze(\"%s\", \"%s\"): wrote past the string", s, drop);
	cr_assert_str_eq(drop_copy, drop, "squeeze modified drop \"%s\"", drop);
}

Test(squeeze, vowels)
{
	check("hello world", "aeiou", "hll wrld");
}

Test(squeeze, nothing_to_drop)
{
	check("keep me", "", "keep me");
	check("keep me", "xyz", "keep me");
}

Test(squeeze, everything_dropped)
{
	check("aaaa", "a", "");
	check("abcabc", "cba", "");
}

Test(squeeze, empty_string)
{
	check("", "abc", "");
	check("x", "abc", "x");
}

Test(squeeze, repeats_in_drop)
{
	check("mississippi", "sssss", "miiippi");
}

Test(squeeze, first_and_last)
{
	check("xaaax", "x", "aaa");
	check("a-b-c-", "-", "abc");
}

Test(squeeze, bytes_above_127)
{
	check("caf\xc3\xa9 cr\xc3\xa8me", "\xc3", "caf\xa9 cr\xa8me");
	check("\xff\x01\xfe\x80x", "\x80\xff", "\x01\xfex");
}

Test(squeeze, long_string)
{
	size_t n = 50000;
	char *s = malloc(n + 1), *want = malloc(n + 1);
	cr_assert(s && want);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		s[i] = (char)('a' + (i * 7) % 26);
		if (s[i] != 'e' && s[i] != 'q')
			want[k++] = s[i];
	}
	s[n] = want[k] = '\0';
	heap_input(n);
	size_t got = squeeze(s, "qe");
	heap_input_done();
	cr_assert_eq(got, k, "expected length %zu, got %zu", k, got);
	cr_assert(!strcmp(s, want), "expected every 'e' and 'q' dropped from a 50000-letter string");
	free(s);
	free(want);
}

/* Strings of 0 to 200 chars of any value but '\0' (above 127 too), and
 * drop sets of 0 to 40 such chars, against a table here. */
Test(squeeze, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 400; round++) {
		size_t n = rnd_len(200), k = (size_t)(rnd() % 41), w = 0;
		unsigned span = rnd() % 2 ? 255 : 8;
		char s[201], drop[41], want[201];
		bool gone[256] = { false };
		for (size_t i = 0; i < n; i++)
			s[i] = (char)(1 + rnd() % span);
		s[n] = '\0';
		for (size_t i = 0; i < k; i++)
			gone[(unsigned char)(drop[i] = (char)(1 + rnd() % span))] = true;
		drop[k] = '\0';
		for (size_t i = 0; i < n; i++)
			if (!gone[(unsigned char)s[i]])
				want[w++] = s[i];
		want[w] = '\0';
		heap_input(n);
		size_t got = squeeze(s, drop);
		heap_input_done();
		cr_assert(got == w && !strcmp(s, want), "random case %d (seed %llu): %zu chars, %zu to drop: expected length %zu, got %zu",
			  round, (unsigned long long)seed, n, k, w, got);
	}
}
