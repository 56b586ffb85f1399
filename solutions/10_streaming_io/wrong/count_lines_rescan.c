/* count_lines_rescan.c - known wrong: asks "does line k exist?" for k = 0,
 * 1, 2, ... and answers each question by reading the file again from the
 * start, the way a get-line-k helper would. Fixed buffer, right answers, but
 * O(n) per line: O(n^2) for a file of short lines. Must fail complexity and
 * pass the others. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <unistd.h>

#include "count_lines.h"

#define CHUNK (64 * 1024)

/* 1 when some byte follows the first k newlines of fd, 0 when none does,
 * -1 on a read error. */
static int has_line(int fd, long k)
{
	char buf[CHUNK];
	long seen = 0;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	for (;;) {
		ssize_t got = read(fd, buf, sizeof(buf));
		if (got < 0)
			return -1;
		if (got == 0)
			return 0;
		for (ssize_t i = 0; i < got; i++) {
			if (seen == k)
				return 1;
			seen += buf[i] == '\n';
		}
	}
}

long count_lines(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	long k = 0;
	int more;
	while ((more = has_line(fd, k)) == 1)
		k++;
	close(fd);
	return more < 0 ? -1 : k;
}
