/* squeeze_no_terminator.c - known wrong: moves the kept characters down but
 * forgets to end the string after them, so the old tail shows. O(m + k)
 * and no heap: must fail tests only. */
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
	return keep;
}
