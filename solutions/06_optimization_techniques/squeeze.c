/* squeeze.c - reference solution: answer "is c in drop?" for all 256 byte
 * values once, before the loop, instead of searching drop for every
 * character; then one pass that copies the characters kept. */
#include <stdbool.h>

#include "squeeze.h"

size_t squeeze(char *s, const char *drop)
{
	bool dropped[256] = { false };
	size_t keep = 0;

	for (const char *d = drop; *d; d++)
		dropped[(unsigned char)*d] = true;
	for (const char *p = s; *p; p++)
		if (!dropped[(unsigned char)*p])
			s[keep++] = *p;
	s[keep] = '\0';
	return keep;
}
