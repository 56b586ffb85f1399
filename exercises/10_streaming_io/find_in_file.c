/* find_in_file.c - your solution (topic 10): see README.md */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "find_in_file.h"

long find_in_file(const char *path, const char *needle)
{
	(void)path;
	(void)needle;
	/* TODO: open the file, find its size, mmap it read-only, search the
	 * map, then munmap and close. */
	return -2;
}
