/* count_lines.c - your solution (topic 10): see README.md */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <unistd.h>

#include "count_lines.h"

long count_lines(const char *path)
{
	(void)path;
	/* TODO: open the file, read() it through one fixed buffer, count the
	 * '\n' bytes (and a last line without one), close it. */
	return -2;
}
