/* intset.h - topic 08: a hash set of ints */
#ifndef INTSET_H
#define INTSET_H

#include <stdbool.h>
#include <stddef.h>

/* A set of ints: each value is in it at most once. Memory target: while it
 * holds up to n values, the heap never holds more than 48*n + 64 KiB bytes
 * (this counts the moment of growing, when old and new tables both exist). */
struct intset;

/* A new empty set, or NULL when memory runs out. Free it with intset_free. */
struct intset *intset_new(void);

/* Frees s and all that it holds. NULL is allowed and does nothing. */
void intset_free(struct intset *s);

/* Adds x to s. Returns 1 when x was added, 0 when it was already there, and
 * -1, with s unchanged, when memory runs out. Target: O(1) on average. */
int intset_add(struct intset *s, int x);

/* True when x is in s. Target: O(1) on average. */
bool intset_contains(const struct intset *s, int x);

/* Removes x from s. Returns true when x was there, false when it was not.
 * Target: O(1) on average; need not shrink the table. */
bool intset_remove(struct intset *s, int x);

/* The number of values in s. O(1). */
size_t intset_size(const struct intset *s);

#endif
