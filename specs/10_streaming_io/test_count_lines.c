/* test_count_lines.c - correctness of count_lines on files made in the
 * current folder */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "count_lines.h"

#include "test_heap.h"
#include "test_random.h"

/* Writes len bytes to a new file in the current folder; its name goes to
 * path (room for 32 bytes). */
static void make_file(char *path, const void *data, size_t len)
{
	strcpy(path, "count_lines_XXXXXX");
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

/* count_lines on a file holding exactly data[0..len). The file is written
 * first: the heap the call holds is held to the budget at n = len, the
 * bytes of the file (the benchmark's n: test_heap.h). */
static long lines_of(const void *data, size_t len)
{
	char path[32];
	make_file(path, data, len);
	heap_input(len);
	long got = count_lines(path);
	heap_input_done();
	unlink(path);
	return got;
}

static void expect(const char *text, long want)
{
	long got = lines_of(text, strlen(text));
	cr_assert_eq(got, want, "file \"%s\": expected %ld lines, got %ld", text, want, got);
}

Test(count_lines, empty_file)
{
	expect("", 0);
}

Test(count_lines, one_line)
{
	expect("hello\n", 1);
	expect("hello", 1);
}

Test(count_lines, empty_lines)
{
	expect("\n", 1);
	expect("\n\n\n", 3);
	expect("a\n\nb\n", 3);
}

Test(count_lines, last_line_without_newline)
{
	expect("first\nsecond", 2);
	expect("first\nsecond\n", 2);
	expect("\nx", 2);
}

Test(count_lines, carriage_returns_are_not_newlines)
{
	expect("a\r\nb\r\n", 2);
	expect("a\rb\rc", 1);
}

Test(count_lines, nul_bytes_are_ordinary)
{
	static const char data[] = { 'a', '\0', 'b', '\n', '\0', '\n', '\0' };
	long got = lines_of(data, sizeof(data));
	cr_assert_eq(got, 3, "file \"a\\0b\\n\\0\\n\\0\": expected 3 lines, got %ld", got);
}

/* No file, no bytes: n = 0. */
Test(count_lines, missing_file)
{
	heap_input(0);
	long got = count_lines("no_such_file_here.txt");
	heap_input_done();
	cr_assert_eq(got, -1, "a missing file: expected -1, got %ld", got);
}

/* Newlines at and around every multiple of 4 KiB up to 256 KiB, where chunk
 * boundaries fall whatever the buffer size, and a last line without '\n'. */
Test(count_lines, large_file_with_newlines_at_chunk_edges)
{
	size_t n = (256 << 10) + 3;
	char *data = malloc(n);
	cr_assert_not_null(data);
	memset(data, 'x', n);
	long want = 0;
	for (size_t edge = 4096; edge < n; edge += 4096) {
		size_t at = edge - 1 + (edge / 4096) % 3; /* edge-1, edge, edge+1 in turn */
		data[at] = '\n';
		want++;
	}
	want++; /* the tail after the last newline */
	long got = lines_of(data, n);
	cr_assert_eq(got, want, "a file of %zu bytes: expected %ld lines, got %ld", n, want, got);
	free(data);
}

Test(count_lines, file_ends_on_a_chunk_edge)
{
	static const size_t sizes[] = { 4096, 8192, 65536, 131072 };
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		size_t n = sizes[i];
		char *data = malloc(n);
		cr_assert_not_null(data);
		long want = 0;
		for (size_t j = 0; j < n; j++) {
			data[j] = j % 1000 == 999 || j == n - 1 ? '\n' : 'y';
			want += data[j] == '\n';
		}
		long got = lines_of(data, n);
		cr_assert_eq(got, want, "%zu bytes ending in '\\n': expected %ld lines, got %ld", n,
			     want, got);
		data[n - 1] = 'y';
		got = lines_of(data, n);
		cr_assert_eq(got, want, "%zu bytes, the last line without '\\n': expected %ld lines, "
			     "got %ld", n, want, got);
		free(data);
	}
}

Test(count_lines, one_line_longer_than_any_buffer)
{
	size_t n = 3 << 20;
	char *data = malloc(n);
	cr_assert_not_null(data);
	memset(data, 'z', n);
	data[n - 1] = '\n';
	long got = lines_of(data, n);
	cr_assert_eq(got, 1, "one line of 3 MiB: expected 1, got %ld", got);
	free(data);
}

Test(count_lines, closes_the_file)
{
	char path[32];
	make_file(path, "one\ntwo\n", 8);
	int before = open("/dev/null", O_RDONLY);
	cr_assert(before >= 0);
	close(before);
	long got[100];
	for (int i = 0; i < 100; i++) {
		heap_input(8); /* the bytes of the file */
		got[i] = count_lines(path);
		heap_input_done();
	}
	int after = open("/dev/null", O_RDONLY);
	close(after);
	unlink(path);
	for (int i = 0; i < 100; i++)
		cr_assert_eq(got[i], 2, "call %d: expected 2 lines, got %ld", i + 1, got[i]);
	cr_assert_eq(after, before, "100 calls later the lowest free descriptor went from %d to %d: "
		     "count_lines does not close its file", before, after);
}

/* Files of 0 to 4000 bytes of any value ('\0' included), with newlines
 * rare, common or everywhere, against a count here. */
Test(count_lines, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	char *data = malloc(4001);
	cr_assert_not_null(data);
	for (int round = 0; round < 60; round++) {
		size_t len = rnd_len(4000);
		unsigned every = 1 + (unsigned)(rnd() % 200);
		long want = 0;
		for (size_t i = 0; i < len; i++) {
			data[i] = rnd() % every == 0 ? '\n' : (char)(rnd() % 256);
			want += data[i] == '\n';
		}
		want += len && data[len - 1] != '\n';
		long got = lines_of(data, len);
		cr_assert_eq(got, want, "random case %d (seed %llu): %zu bytes, about one newline in %u: expected %ld lines, got %ld",
			     round, (unsigned long long)seed, len, every, want, got);
	}
	free(data);
}
