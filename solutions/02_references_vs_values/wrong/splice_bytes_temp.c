/* splice_bytes_temp.c - known wrong: copies the tail out to a malloc'd
 * buffer and back, which is safe for overlap but allocates as much as the
 * tail (the budget is 0). Correct and O(n): must fail memory only. */
#include <stdlib.h>

#include "splice_bytes.h"

bool splice_bytes(char *buf, size_t *used, size_t cap, size_t from, size_t to,
		  const char *ins, size_t len)
{
	if (from > to || to > *used)
		return false;
	size_t tail = *used - to;
	if (len > cap - from || tail > cap - from - len)
		return false;
	char *saved = malloc(tail ? tail : 1);
	if (!saved)
		return false;
	for (size_t i = 0; i < tail; i++)
		saved[i] = buf[to + i];
	for (size_t i = 0; i < len; i++)
		buf[from + i] = ins[i];
	for (size_t i = 0; i < tail; i++)
		buf[from + len + i] = saved[i];
	free(saved);
	*used = from + len + tail;
	return true;
}
