/* find_in_file.c - reference solution: map the file read-only and let
 * memmem(3) search it. glibc's memmem is linear in the worst case (the
 * Two-Way algorithm for long needles) and needs no heap. */
#define _GNU_SOURCE
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
	long found = -1;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0) {
		close(fd);
		return -1;
	}
	size_t n = (size_t)st.st_size;
	if (m == 0 || m > n) {
		/* mmap refuses a length of 0: an empty file needs no map. */
		close(fd);
		return m == 0 ? 0 : -1;
	}
	const char *map = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return -1;
	const char *hit = memmem(map, n, needle, m);
	if (hit)
		found = (long)(hit - map);
	munmap((void *)map, n);
	return found;
}
