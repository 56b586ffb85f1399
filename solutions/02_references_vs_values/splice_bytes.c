/* splice_bytes.c - reference solution: move the tail with memmove, which
 * copies correctly whichever way the ranges overlap, then copy the new
 * bytes in with memcpy, which may assume they do not overlap buf. */
#include <string.h>

#include "splice_bytes.h"

bool splice_bytes(char *buf, size_t *used, size_t cap, size_t from, size_t to,
		  const char *ins, size_t len)
{
	size_t tail;

	if (from > to || to > *used)
		return false;
	tail = *used - to;
	if (len > cap - from || tail > cap - from - len)
		return false;
	if (from + len != to && tail)
		memmove(buf + from + len, buf + to, tail);
	if (len)
		memcpy(buf + from, ins, len);
	*used = from + len + tail;
	return true;
}
