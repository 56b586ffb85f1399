/* splice_bytes_one_at_a_time.c - known wrong: makes room one byte at a
 * time, shifting the whole tail by one position per byte (and closes a gap
 * the same way). Correct and no heap, but O(tail * shift), quadratic when
 * both grow with n: must fail complexity. */
#include "splice_bytes.h"

bool splice_bytes(char *buf, size_t *used, size_t cap, size_t from, size_t to,
		  const char *ins, size_t len)
{
	if (from > to || to > *used)
		return false;
	size_t tail = *used - to;
	if (len > cap - from || tail > cap - from - len)
		return false;
	size_t end = *used;
	while (to < from + len) {
		for (size_t i = end; i > to; i--)
			buf[i] = buf[i - 1];
		to++;
		end++;
	}
	while (to > from + len) {
		for (size_t i = to - 1; i + 1 < end; i++)
			buf[i] = buf[i + 1];
		to--;
		end--;
	}
	for (size_t i = 0; i < len; i++)
		buf[from + i] = ins[i];
	*used = end;
	return true;
}
