/* test_find_in_file.c - correctness of find_in_file on files made in the
 * current folder */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "find_in_file.h"

#include "test_heap.h"
#include "test_random.h"

/* Writes len bytes to a new file in the current folder; its name goes to
 * path (room for 32 bytes). */
static void make_file(char *path, const void *data, size_t len)
{
	strcpy(path, "find_in_file_XXXXXX");
	int fd = mkstemp(path);
	cr_assert(fd >= 0, "cannot create a test file in the current folder");
	const char *p = data;
	while (len) {
		ssize_t w = write(fd, p, len);
		cr_assert(w > 0, "cannot write the test file %s", path);
		p += w;
		len -= (size_t)w;
	}
	close(fd);
}

/* Whether the file at path still holds exactly data[0..len). */
static int unchanged(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	int same = 1;
	for (size_t i = 0; i < len && same; i++)
		same = fgetc(f) == (unsigned char)data[i];
	same = same && fgetc(f) == EOF;
	fclose(f);
	return same;
}

/* find_in_file(needle) on a file holding exactly data[0..len), which must
 * come through unchanged. The file is written first and read back after:
 * the heap the call holds is held to the budget at n = len, the bytes of
 * the file (the benchmark's n: test_heap.h). */
static long find_in(const char *data, size_t len, const char *needle)
{
	char path[32];
	make_file(path, data, len);
	heap_input(len);
	long got = find_in_file(path, needle);
	heap_input_done();
	int same = unchanged(path, data, len);
	unlink(path);
	cr_assert(same, "find_in_file modified the file");
	return got;
}

static void expect(const char *text, const char *needle, long want)
{
	long got = find_in(text, strlen(text), needle);
	cr_assert_eq(got, want, "\"%s\" in a file holding \"%s\": expected %ld, got %ld", needle, text,
		     want, got);
}

Test(find_in_file, at_the_start)
{
	expect("needle in a haystack", "needle", 0);
}

Test(find_in_file, at_the_end)
{
	expect("a haystack with a needle", "needle", 18);
	expect("xyz", "z", 2);
}

Test(find_in_file, not_there)
{
	expect("a haystack", "needle", -1);
	expect("needl", "needle", -1);
	expect("eedle", "needle", -1);
}

Test(find_in_file, first_of_several)
{
	expect("abcabcabc", "cab", 2);
	expect("abababab", "bab", 1);
}

Test(find_in_file, partial_matches_before_the_match)
{
	expect("aaaab", "aab", 2);
	expect("abcabdabcabcabe", "abcabe", 9);
}

Test(find_in_file, whole_file)
{
	expect("exactly", "exactly", 0);
}

Test(find_in_file, needle_longer_than_file)
{
	expect("short", "shorter", -1);
}

Test(find_in_file, empty_needle)
{
	expect("anything", "", 0);
}

Test(find_in_file, empty_file)
{
	expect("", "x", -1);
	expect("", "", 0);
}

/* No file, no bytes: n = 0. */
Test(find_in_file, missing_file)
{
	heap_input(0);
	long got = find_in_file("no_such_file_here.txt", "x");
	heap_input_done();
	cr_assert_eq(got, -1, "a missing file: expected -1, got %ld", got);
}

Test(find_in_file, nul_bytes_before_the_match)
{
	static const char data[] = { 'a', '\0', 'b', '\0', '\0', 'n', 'e', 'e', 'd', '\0', 'n', 'e', 'e', 'd', 'l', 'e' };
	long got = find_in(data, sizeof(data), "needle");
	cr_assert_eq(got, 10, "\"needle\" after '\\0' bytes: expected 10, got %ld", got);
}

/* A file whose size is a whole number of pages, with the needle in its last
 * bytes: a search that reads one byte past the end of the map crashes. */
Test(find_in_file, match_in_the_last_bytes_of_a_page_sized_file)
{
	size_t n = 4 * 4096;
	char *data = malloc(n);
	cr_assert_not_null(data);
	memset(data, '.', n);
	memcpy(data + n - 4, "tail", 4);
	long got = find_in(data, n, "tail");
	cr_assert_eq(got, (long)n - 4, "\"tail\" at the end of %zu bytes: expected %ld, got %ld", n,
		     (long)n - 4, got);
	got = find_in(data, n, "tails");
	cr_assert_eq(got, -1, "\"tails\" in %zu bytes ending in \"tail\": expected -1, got %ld", n, got);
	free(data);
}

/* 4 MiB of pseudo-random letters, the needle planted across a page edge
 * near the end (and nowhere earlier: it holds a digit). */
Test(find_in_file, large_file)
{
	size_t n = 4 << 20;
	char *data = malloc(n);
	cr_assert_not_null(data);
	unsigned x = 12345;
	for (size_t i = 0; i < n; i++) {
		x = x * 1103515245u + 12345u;
		data[i] = (char)('a' + (x >> 16) % 26);
	}
	static const char needle[] = "the-needle-4-you";
	size_t at = n - 3 * 4096 - 5;
	memcpy(data + at, needle, sizeof(needle) - 1);
	long got = find_in(data, n, needle);
	cr_assert_eq(got, (long)at, "\"%s\" in 4 MiB: expected %zu, got %ld", needle, at, got);
	free(data);
}

/* A needle of 1000 bytes that almost matches at every offset. */
Test(find_in_file, long_needle_with_near_misses)
{
	size_t n = 200000, m = 1000;
	char *data = malloc(n), *needle = malloc(m + 1);
	cr_assert(data && needle);
	memset(data, 'a', n);
	memset(needle, 'a', m);
	needle[m - 1] = 'b';
	needle[m] = '\0';
	data[150000 + m - 1] = 'b';
	long got = find_in(data, n, needle);
	cr_assert_eq(got, 150000, "a^999 b in a^149999... : expected 150000, got %ld", got);
	free(data);
	free(needle);
}

/* The number of lines of /proc/self/maps that name path. */
static int maps_naming(const char *path)
{
	FILE *f = fopen("/proc/self/maps", "r");
	cr_assert_not_null(f, "cannot read /proc/self/maps");
	char line[4096];
	int count = 0;
	while (fgets(line, sizeof(line), f))
		count += strstr(line, path) != NULL;
	fclose(f);
	return count;
}

Test(find_in_file, unmaps_and_closes_the_file)
{
	char path[32];
	make_file(path, "one needle, two needles", 23);
	int before = open("/dev/null", O_RDONLY);
	cr_assert(before >= 0);
	close(before);
	long got[100];
	for (int i = 0; i < 100; i++) {
		heap_input(23); /* the bytes of the file */
		got[i] = find_in_file(path, "two");
		heap_input_done();
	}
	int after = open("/dev/null", O_RDONLY);
	close(after);
	int maps = maps_naming(path);
	unlink(path);
	for (int i = 0; i < 100; i++)
		cr_assert_eq(got[i], 12, "call %d: expected 12, got %ld", i + 1, got[i]);
	cr_assert_eq(after, before, "100 calls later the lowest free descriptor went from %d to %d: "
		     "find_in_file does not close its file", before, after);
	cr_assert_eq(maps, 0, "100 calls later the file is still mapped %d times: find_in_file "
		     "does not munmap it", maps);
}

/* Files of 0 to 3000 bytes over a small alphabet ('\0' in it) and needles
 * of 0 to 8 bytes of it, some cut from the file itself, against a scan
 * here. */
Test(find_in_file, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	static const char alphabet[] = "ab\0\n";
	char *data = malloc(3001), needle[9];
	cr_assert_not_null(data);
	for (int round = 0; round < 60; round++) {
		size_t len = rnd_len(3000), m = (size_t)(rnd() % 9);
		unsigned letters = 1 + (unsigned)(rnd() % 4);
		for (size_t i = 0; i < len; i++)
			data[i] = alphabet[rnd() % letters];
		for (size_t i = 0; i < m; i++)
			needle[i] = (char)('a' + rnd() % 2);
		if (len > m && rnd() % 2) {
			size_t at = (size_t)(rnd() % (len - m));
			for (size_t i = 0; i < m; i++)
				data[at + i] = needle[i];
		}
		needle[m] = '\0';
		long want = -1;
		for (size_t i = 0; i + m <= len && want < 0; i++)
			if (!memcmp(data + i, needle, m))
				want = (long)i;
		long got = find_in(data, len, needle);
		cr_assert_eq(got, want, "random case %d (seed %llu): \"%s\" in %zu bytes over %u letters: expected %ld, got %ld",
			     round, (unsigned long long)seed, needle, len, letters, want, got);
	}
	free(data);
}
