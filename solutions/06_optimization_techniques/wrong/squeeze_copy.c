/* squeeze_copy.c - known wrong: builds the result in a malloc'd copy and
 * copies it back. Correct and O(m + k), but m bytes of heap where the
 * budget is 0: must fail memory only. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "squeeze.h"

size_t squeeze(char *s, const char *drop)
{
	bool dropped[256] = { false };
	size_t m = strlen(s), keep = 0;
	char *out = malloc(m + 1);

	if (!out)
		return m;
	for (const char *d = drop; *d; d++)
		dropped[(unsigned char)*d] = true;
	for (size_t i = 0; i < m; i++)
		if (!dropped[(unsigned char)s[i]])
			out[keep++] = s[i];
	memcpy(s, out, keep);
	s[keep] = '\0';
	free(out);
	return keep;
}
