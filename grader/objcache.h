/* objcache.h - compiled objects kept between gradings
 *
 * The grader's runner objects and the course's compiled tests and drivers
 * depend on their sources, the flags, the compiler and the grader, never
 * on a submission: they are compiled once and copied into each grading's
 * scratch folder until one of those changes. The store is written by the
 * grader's own user and never bound into a sandbox; a submission only
 * ever sees copies.
 */
#ifndef OBJCACHE_H
#define OBJCACHE_H

#include "util.h"

/* Adds to m what every stored object depends on beyond its sources: the
 * grader's binary, the compiler the sandbox runs (the first gcc of its
 * PATH) and the system's package database (it changes with any install
 * or upgrade of gcc, the C library, Criterion or libseccomp). */
void objcache_add_toolchain(struct buf *m);

/* Adds to m the name and bytes of every regular file of folder dir, in
 * name order; an unreadable folder adds a line saying so. */
void objcache_add_folder(struct buf *m, const char *dir);

/* Copies the files names[] of the entry for material from store into
 * folder to. Returns 0 on a hit; -1 when there is no such entry (or it is
 * damaged or of another material): then to may hold some of the files,
 * which the caller's own build overwrites. */
int objcache_get(const char *store, const char *material, const char *const *names, const char *to);

/* Keeps copies of the files names[] of folder from as the entry for
 * material. An entry is whole or absent: it is assembled aside and
 * renamed into place, so gradings at once may share the store. Errors are
 * ignored: the store is only a saving. */
void objcache_put(const char *store, const char *material, const char *const *names, const char *from);

#endif
