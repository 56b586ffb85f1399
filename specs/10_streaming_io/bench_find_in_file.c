/* bench_find_in_file.c - benchmark driver: the worst case for a naive
 * search. The file is 'a's but for one byte in its last 64th: a 'b', or at
 * random a 'c'; the needle is m-1 'a's and a 'b', m = n/16, so it matches
 * only near the very end, or nowhere, after every earlier position has
 * matched m-1 bytes before failing. Written to the current folder in
 * setup, removed in teardown. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "find_in_file.h"

#define CHUNK (64 * 1024)

struct input {
	char path[64];
	char *needle;
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
	size_t m = n / 16 < 2 ? 2 : n / 16;
	size_t at = n ? n - 1 - (size_t)(bench_rand(rng) % (n / 64 + 1)) : 0;
	char odd = bench_rand(rng) & 1 ? 'c' : 'b';

	in->needle = bench_alloc(m + 1);
	memset(in->needle, 'a', m - 1);
	in->needle[m - 1] = 'b';
	in->needle[m] = '\0';

	snprintf(in->path, sizeof(in->path), "find_in_file.%ld.tmp", (long)getpid());
	int fd = open(in->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0) {
		perror(in->path);
		exit(73);
	}
	for (size_t done = 0; done < n; ) {
		size_t len = n - done < CHUNK ? n - done : CHUNK;
		memset(buf, 'a', len);
		if (at >= done && at < done + len)
			buf[at - done] = odd;
		write_all(fd, buf, len, in->path);
		done += len;
	}
	in->expect = odd == 'b' && at + 1 >= m ? (long)(at + 1 - m) : -1;
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

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	return in->got == in->expect ? NULL : bench_expect("expected %ld, got %ld", in->expect, in->got);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	unlink(in->path);
	bench_release(in->needle);
	bench_release(in);
}
