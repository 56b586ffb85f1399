/* splice_bytes.h - topic 02: moving bytes within one buffer */
#ifndef SPLICE_BYTES_H
#define SPLICE_BYTES_H

#include <stdbool.h>
#include <stddef.h>

/* Replaces the bytes buf[from..to) with the len bytes at ins, moving the
 * tail buf[to..*used) left or right inside buf so that it follows them, as
 * a text editor does when text is typed over a selection. buf holds *used
 * bytes and has room for cap; ins points outside buf (it may be NULL when
 * len is 0). Returns true and sets *used to the new length; returns false
 * and changes nothing when from > to, to > *used, or the result would need
 * more than cap bytes. Target: O(*used + len) time; no heap at all; O(1)
 * stack. */
bool splice_bytes(char *buf, size_t *used, size_t cap, size_t from, size_t to,
		  const char *ins, size_t len);

#endif
