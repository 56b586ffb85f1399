/* splice_bytes.c - your solution (topic 02): see README.md */
#include "splice_bytes.h"

bool splice_bytes(char *buf, size_t *used, size_t cap, size_t from, size_t to,
		  const char *ins, size_t len)
{
	(void)buf;
	(void)used;
	(void)cap;
	(void)from;
	(void)to;
	(void)ins;
	(void)len;
	/* TODO: replace buf[from..to) with ins, moving the tail; O(n), no heap. */
	return false;
}
