/* record_clone.h - topic 02: copying a struct that holds pointers */
#ifndef RECORD_CLONE_H
#define RECORD_CLONE_H

#include <stddef.h>

/* A record owns two heap blocks: its name and its scores. */
struct record {
	char *name;     /* a '\0'-terminated string, never NULL */
	int *scores;    /* nscores ints; NULL when nscores is 0 */
	size_t nscores;
};

/* A deep copy of r: a new record whose name and scores are copies of r's,
 * in heap blocks of their own, so that changing or freeing either record
 * leaves the other intact (the copy's scores are NULL when nscores is 0).
 * r is not modified. The caller frees the copy with record_free(). Returns
 * NULL, with nothing left allocated, when out of memory.
 * Target: O(length of name + nscores) time; heap: the struct, the name and
 * the scores and nothing more (at most 4*nscores + 1 KiB bytes for a short
 * name); nothing leaks once the copy is freed. */
struct record *record_clone(const struct record *r);

/* Frees r, its name and its scores: all that record_clone allocated.
 * Does nothing when r is NULL. */
void record_free(struct record *r);

#endif
