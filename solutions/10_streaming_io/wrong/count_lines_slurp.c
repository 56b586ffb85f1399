/* count_lines_slurp.c - known wrong: reads the whole file into one malloc'd
 * block, n bytes of heap, then counts. Right answers, linear time, but the
 * memory check must fail it (heap over budget); it passes the others. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>

#include "count_lines.h"

long count_lines(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) < 0) {
		fclose(f);
		return -1;
	}
	long size = ftell(f);
	rewind(f);
	char *all = malloc(size > 0 ? (size_t)size : 1);
	if (size < 0 || !all || fread(all, 1, (size_t)size, f) != (size_t)size) {
		free(all);
		fclose(f);
		return -1;
	}
	fclose(f);
	long lines = 0;
	for (long i = 0; i < size; i++)
		lines += all[i] == '\n';
	if (size > 0 && all[size - 1] != '\n')
		lines++;
	free(all);
	return lines;
}
