/* squeeze.h - topic 06: work done once instead of once per character */
#ifndef SQUEEZE_H
#define SQUEEZE_H

#include <stddef.h>

/* Deletes from the string s, in place, every character that occurs in the
 * string drop, keeps the others in their order, and returns the new length
 * of s (s stays '\0'-terminated). Any char values may occur, including
 * those above 127. drop is not modified. Target: O(m + k) time for s of
 * length m and drop of length k; no heap at all; O(1) stack. */
size_t squeeze(char *s, const char *drop);

#endif
