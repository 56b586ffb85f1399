/* test_splice_bytes.c - correctness of splice_bytes: the tail moves left and
 * right over itself, and nothing changes when the splice is refused */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "splice_bytes.h"

#include "test_heap.h"
#include "test_random.h"

#define CAP 64

/* Splices text (as a buffer of capacity cap) and checks the outcome: want
 * is the expected text, or NULL when the splice must be refused. Also
 * checks that no byte past the new end (up to cap) was touched. The heap
 * the call holds is held to the budget (none) at n = the bytes the buffer
 * holds before it (the benchmark's n: test_heap.h). */
static void check(const char *text, size_t cap, size_t from, size_t to, const char *ins,
		  const char *want)
{
	char buf[CAP + 16], before[CAP + 16];
	size_t used = strlen(text), len = ins ? strlen(ins) : 0;

	cr_assert(cap <= CAP && used <= cap);
	memset(buf, '#', sizeof(buf));
	memcpy(buf, text, used);
	memcpy(before, buf, sizeof(buf));
	heap_input(used);
	bool ok = splice_bytes(buf, &used, cap, from, to, ins, len);
	heap_input_done();
	if (!want) {
		cr_assert(!ok, "splice(\"%s\", cap %zu, %zu, %zu, \"%s\"): expected false, got true",
			  text, cap, from, to, ins ? ins : "");
		cr_assert_eq(used, strlen(text), "expected used to stay %zu when refused, got %zu",
			     strlen(text), used);
		cr_assert(!memcmp(buf, before, sizeof(buf)), "expected the buffer unchanged when refused");
		return;
	}
	cr_assert(ok, "splice(\"%s\", cap %zu, %zu, %zu, \"%s\"): expected true, got false",
		  text, cap, from, to, ins ? ins : "");
	cr_assert_eq(used, strlen(want), "splice(\"%s\", %zu, %zu, \"%s\"): expected used %zu, got %zu",
		     text, from, to, ins ? ins : "", strlen(want), used);
	char got[CAP + 1];
	memcpy(got, buf, used);
	got[used] = '\0';
	cr_assert_str_eq(got, want, "splice(\"%s\", %zu, %zu, \"%s\"): expected \"%s\", got \"%s\"",
			 text, from, to, ins ? ins : "", want, got);
	for (size_t i = cap; i < sizeof(buf); i++)
		cr_assert_eq(buf[i], '#', "expected nothing written past cap, got byte %zu changed", i);
}

Test(splice_bytes, same_length_replacement)
{
	check("hello world", CAP, 6, 11, "there", "hello there");
	check("abc", 3, 1, 2, "X", "aXc");
}

Test(splice_bytes, longer_replacement_moves_tail_right)
{
	check("one two three", CAP, 4, 7, "TWENTY-TWO", "one TWENTY-TWO three");
	check("ab", CAP, 1, 1, "0123456789", "a0123456789b");
}

Test(splice_bytes, shorter_replacement_moves_tail_left)
{
	check("one TWENTY-TWO three", CAP, 4, 14, "2", "one 2 three");
	check("a0123456789b", CAP, 1, 11, NULL, "ab");
}

Test(splice_bytes, tail_overlaps_itself)
{
	/* moving right by 1 and left by 1 over a long tail: every byte of the
	 * tail lands where another byte of the tail was */
	check("xabcdefghijklmnopqrstuvwxyz", CAP, 0, 0, "_", "_xabcdefghijklmnopqrstuvwxyz");
	check("_xabcdefghijklmnopqrstuvwxyz", CAP, 0, 1, NULL, "xabcdefghijklmnopqrstuvwxyz");
	check("0123456789ABCDEFGHIJ", CAP, 2, 4, "abcdef", "01abcdef456789ABCDEFGHIJ");
}

Test(splice_bytes, insert_and_append)
{
	check("", CAP, 0, 0, "new", "new");
	check("start", CAP, 0, 0, ">> ", ">> start");
	check("end", CAP, 3, 3, " of it", "end of it");
}

Test(splice_bytes, delete_everything)
{
	check("all of it", CAP, 0, 9, NULL, "");
	check("all of it", CAP, 0, 9, "", "");
}

Test(splice_bytes, fills_the_buffer_exactly)
{
	check("0123456789", 12, 5, 5, "ab", "01234ab56789");
	check("0123456789", 10, 0, 10, "9876543210", "9876543210");
}

Test(splice_bytes, refused_when_too_long)
{
	check("0123456789", 12, 5, 6, "abc", "01234abc6789");
	check("0123456789", 12, 5, 5, "abc", NULL);
	check("0123456789", 10, 9, 9, "x", NULL);
	check("0123456789", 11, 3, 4, "abc", NULL);
}

Test(splice_bytes, refused_when_out_of_range)
{
	check("0123456789", CAP, 10, 10, "!", "0123456789!");
	check("0123456789", CAP, 6, 5, "x", NULL);
	check("0123456789", CAP, 3, 11, "x", NULL);
	check("0123456789", CAP, 11, 12, NULL, NULL);
}

Test(splice_bytes, large_buffer)
{
	size_t n = 10000, cap = n + 2000;
	char *buf = malloc(cap), *ins = malloc(2000);
	cr_assert(buf && ins);
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)('a' + i % 26);
	memset(ins, '*', 2000);
	size_t used = n;
	heap_input(used);
	bool ok = splice_bytes(buf, &used, cap, 1000, 1000, ins, 2000);
	heap_input_done();
	cr_assert(ok, "expected true, got false");
	cr_assert_eq(used, cap, "expected used %zu, got %zu", cap, used);
	for (size_t i = 0; i < cap; i++) {
		char want = i < 1000 ? (char)('a' + i % 26)
			  : i < 3000 ? '*' : (char)('a' + (i - 2000) % 26);
		cr_assert_eq(buf[i], want, "expected '%c' at %zu, got '%c'", want, i, buf[i]);
	}
	heap_input(used);
	ok = splice_bytes(buf, &used, cap, 1000, 3000, NULL, 0);
	heap_input_done();
	cr_assert(ok, "expected true, got false");
	cr_assert_eq(used, n, "expected used %zu, got %zu", n, used);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(buf[i], (char)('a' + i % 26), "expected '%c' at %zu after deleting, got '%c'",
			     'a' + (int)(i % 26), i, buf[i]);
	free(buf);
	free(ins);
}

/* Buffers of 0 to 60 bytes with room for 0 to 20 more; selections
 * anywhere (some past the end or backwards, to be refused) replaced by 0
 * to 24 bytes; against a copy built here. */
Test(splice_bytes, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 500; round++) {
		char buf[128], orig[128], ins[32], want[160];
		size_t used = rnd_len(60), cap = used + (size_t)(rnd() % 21);
		size_t from = (size_t)(rnd() % (used + 3)), to = (size_t)(rnd() % (used + 3)), len = (size_t)(rnd() % 25);
		for (size_t i = 0; i < cap; i++)
			orig[i] = buf[i] = (char)('a' + rnd() % 26);
		for (size_t i = 0; i < len; i++)
			ins[i] = (char)('A' + rnd() % 26);
		bool ok = from <= to && to <= used && used - (to - from) + len <= cap;
		size_t wlen = 0;
		if (ok) {
			memcpy(want, orig, from);
			memcpy(want + from, ins, len);
			memcpy(want + from + len, orig + to, used - to);
			wlen = used - (to - from) + len;
		}
		size_t u = used;
		heap_input(used);
		bool got = splice_bytes(buf, &u, cap, from, to, len ? ins : NULL, len);
		heap_input_done();
		cr_assert_eq(got, ok, "random case %d (seed %llu): used %zu, cap %zu, [%zu, %zu), %zu bytes: expected %s",
			     round, (unsigned long long)seed, used, cap, from, to, len, ok ? "true" : "false");
		cr_assert_eq(u, ok ? wlen : used, "random case %d (seed %llu): expected *used = %zu, got %zu", round,
			     (unsigned long long)seed, ok ? wlen : used, u);
		cr_assert(!memcmp(buf, ok ? want : orig, ok ? wlen : used),
			  "random case %d (seed %llu): used %zu, cap %zu, [%zu, %zu), %zu bytes: wrong bytes \"%.*s\"", round,
			  (unsigned long long)seed, used, cap, from, to, len, (int)u, buf);
	}
}
