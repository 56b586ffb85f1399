/* find_in_file_slurp.c - known wrong: no map, the whole file is read into a
 * malloc'd block of n bytes and searched there. Right answers in linear
 * time, but the memory check must fail it (heap over budget); it passes the
 * others. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "find_in_file.h"

long find_in_file(const char *path, const char *needle)
{
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0) {
		close(fd);
		return -1;
	}
	size_t n = (size_t)st.st_size, have = 0;
	char *all = malloc(n ? n : 1);
	while (all && have < n) {
		ssize_t got = read(fd, all + have, n - have);
		if (got <= 0)
			break;
		have += (size_t)got;
	}
	close(fd);
	if (!all || have < n) {
		free(all);
		return -1;
	}
	const char *hit = memmem(all, n, needle, strlen(needle));
	long found = hit ? (long)(hit - all) : -1;
	free(all);
	return found;
}
