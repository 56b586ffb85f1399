/* bench_find_in_file_text.c - benchmark driver for the memory check: a file
 * of n random letters with a 32-letter needle at its very end, so the whole
 * file is searched. Written to the current folder in setup, removed in
 * teardown. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "find_in_file.h"

#define CHUNK (64 * 1024)
#define NEEDLE 32

struct input {
	char path[64];
	char needle[NEEDLE + 1];
	long got;
};

static void write_all(int fd, const char *buf, size_t len, const char *path)
{
	while (len) {
		ssize_t w = write(fd, buf, len);
		if (w <= 0) {
			perror(path);
			exit(74);
		}
		buf += w;
		len -= (size_t)w;
	}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	char *buf = bench_alloc(CHUNK);
	size_t used = 0;

	for (int i = 0; i < NEEDLE; i++)
		in->needle[i] = (char)bench_rand_int(rng, 'a', 'z');
	in->needle[NEEDLE] = '\0';

	snprintf(in->path, sizeof(in->path), "find_in_file.%ld.tmp", (long)getpid());
	int fd = open(in->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		perror(in->path);
		exit(73);
	}
	for (size_t i = 0; i < n; i++) {
		buf[used++] = i + NEEDLE >= n ? in->needle[i + NEEDLE - n]
					      : (char)bench_rand_int(rng, 'a', 'z');
		if (used == CHUNK) {
			write_all(fd, buf, used, in->path);
			used = 0;
		}
	}
	write_all(fd, buf, used, in->path);
	close(fd);
	bench_release(buf);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	in->got = find_in_file(in->path, in->needle);
	bench_sink((uint64_t)in->got);
}

/* The 32 random letters of the needle occur by chance before the end with
 * a probability of about n / 26^32: never. */
const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	long want = n >= NEEDLE ? (long)(n - NEEDLE) : -1;
	return in->got == want ? NULL : bench_expect("expected %ld, got %ld", want, in->got);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	unlink(in->path);
	bench_release(in);
}
