/* output_flood - prints 100 MB. */
#include <stdio.h>
#include <string.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	static char line[1024];
	(void)a;
	(void)n;
	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 2] = '\n';
	for (int i = 0; i < 100 * 1024; i++)
		fputs(line, stdout);
	return false;
}
