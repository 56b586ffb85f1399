/* find_in_file_naive.c - known wrong: maps the file, then compares the
 * needle at every offset in turn. O(n*m) for a needle of m bytes: on the
 * benchmark's file (m = n/16, every offset matching all but the last byte)
 * that is O(n^2). Must fail complexity and pass the others. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "find_in_file.h"

long find_in_file(const char *path, const char *needle)
{
	size_t m = strlen(needle);
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0) {
		close(fd);
		return -1;
	}
	size_t n = (size_t)st.st_size;
	if (m == 0 || m > n) {
		close(fd);
		return m == 0 ? 0 : -1;
	}
	const char *map = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return -1;
	long found = -1;
	for (size_t i = 0; i + m <= n && found < 0; i++)
		if (memcmp(map + i, needle, m) == 0)
			found = (long)i;
	munmap((void *)map, n);
	return found;
}
