/* count_lines_getline.c - known wrong: one getline(3) call per line. getline
 * grows its buffer to hold the longest line, so a file of long lines costs
 * heap in proportion to n. Must fail memory (on the long-line file) and
 * pass the others. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

#include "count_lines.h"

long count_lines(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char *line = NULL;
	size_t cap = 0;
	long lines = 0;
	while (getline(&line, &cap, f) != -1)
		lines++;
	long result = ferror(f) ? -1 : lines;
	free(line);
	fclose(f);
	return result;
}
