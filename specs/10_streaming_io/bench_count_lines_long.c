/* bench_count_lines_long.c - benchmark driver for the memory check: a file
 * of n bytes in a few long lines (n/8 to n/4 letters each, far longer than
 * any fixed buffer), written to the current folder in setup and removed in
 * teardown. A solution that holds a whole line (getline, a growing line
 * buffer) needs heap in proportion to n here. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench.h"
#include "count_lines.h"

#define CHUNK (64 * 1024)

static size_t line_length(size_t n, struct bench_rng *rng)
{
	return n / 8 + (size_t)(bench_rand(rng) % (n / 8 + 1));
}

struct input {
	char path[64];
	long expect, got;
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
	in->expect = 0;
	size_t used = 0, line_left = line_length(n, rng);

	snprintf(in->path, sizeof(in->path), "count_lines.%ld.tmp", (long)getpid());
	int fd = open(in->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		perror(in->path);
		exit(73);
	}
	for (size_t i = 0; i < n; i++) {
		if (line_left == 0) {
			buf[used++] = '\n';
			in->expect++;
			line_left = line_length(n, rng);
		} else {
			buf[used++] = (char)bench_rand_int(rng, 'a', 'z');
			line_left--;
		}
		if (used == CHUNK) {
			write_all(fd, buf, used, in->path);
			used = 0;
		}
	}
	write_all(fd, buf, used, in->path);
	close(fd);
	/* A last line without its '\n' counts too. */
	in->expect += n && (used ? buf[used - 1] : buf[CHUNK - 1]) != '\n';
	bench_release(buf);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	in->got = count_lines(in->path);
	bench_sink((uint64_t)in->got);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	return in->got == in->expect ? NULL : bench_expect("expected %ld lines, got %ld", in->expect, in->got);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	unlink(in->path);
	bench_release(in);
}
