/* splice_bytes_forward.c - known wrong: moves the tail with a forward byte
 * loop, as memcpy may. When the tail moves right over itself, each byte is
 * overwritten before it is read. O(n) and no heap: must fail tests only. */
#include "splice_bytes.h"

bool splice_bytes(char *buf, size_t *used, size_t cap, size_t from, size_t to,
		  const char *ins, size_t len)
{
	if (from > to || to > *used)
		return false;
	size_t tail = *used - to;
	if (len > cap - from || tail > cap - from - len)
		return false;
	for (size_t i = 0; i < tail; i++)
		buf[from + len + i] = buf[to + i];
	for (size_t i = 0; i < len; i++)
		buf[from + i] = ins[i];
	*used = from + len + tail;
	return true;
}
