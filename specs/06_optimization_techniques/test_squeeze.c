/* test_squeeze.c - correctness of squeeze */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "squeeze.h"

static void check(const char *s, const char *drop, const char *want)
{
	char buf[256], drop_copy[256];
	cr_assert(strlen(s) + 2 < sizeof(buf) && strlen(drop) < sizeof(drop_copy));
	strcpy(buf, s);
	buf[strlen(s) + 1] = '#';
	strcpy(drop_copy, drop);
	size_t got = squeeze(buf, drop_copy);
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
	size_t got = squeeze(s, "qe");
	cr_assert_eq(got, k, "expected length %zu, got %zu", k, got);
	cr_assert(!strcmp(s, want), "expected every 'e' and 'q' dropped from a 50000-letter string");
	free(s);
	free(want);
}
