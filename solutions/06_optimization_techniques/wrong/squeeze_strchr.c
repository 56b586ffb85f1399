/* squeeze_strchr.c - known wrong: searches drop with strchr for every
 * character of s. Correct, but O(m * k): quadratic when drop is as long as
 * a fraction of s. Must fail complexity. */
#include <string.h>

#include "squeeze.h"

size_t squeeze(char *s, const char *drop)
{
	size_t keep = 0;

	for (const char *p = s; *p; p++)
		if (!strchr(drop, *p))
			s[keep++] = *p;
	s[keep] = '\0';
	return keep;
}
