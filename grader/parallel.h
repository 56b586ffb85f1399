/* parallel.h - run the items of a list on several threads */
#ifndef PARALLEL_H
#define PARALLEL_H

#include <stddef.h>

/* Calls fn(arg, i) once for every i in [0, count), on at most threads
 * threads at once (at least one; fewer when there are fewer items), each
 * taking the next item as it finishes one, and returns when all are done.
 * fn must be safe to run concurrently with itself. When no thread can be
 * started, the items run on the calling thread. */
void parallel_for(size_t count, int threads, void (*fn)(void *arg, size_t i), void *arg);

/* The number of cores online, at least 1. */
int parallel_cores(void);

#endif
