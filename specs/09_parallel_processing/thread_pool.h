/* thread_pool.h - topic 09: worker threads that run the tasks submitted to them */
#ifndef THREAD_POOL_H
#define THREAD_POOL_H

/* A pool: nthreads worker threads and a queue of tasks waiting for them.
 * You define it in thread_pool.c. What the pool shares between threads
 * must be free of data races: no variable written by one thread while
 * another reads or writes it unless a lock, a thread start or a join
 * orders the two. */
struct pool;

/* Starts a pool of nthreads worker threads (0 counts as 1). Returns NULL,
 * leaving no thread or memory behind, when memory or a thread cannot be
 * had. The caller frees the pool with pool_destroy. */
struct pool *pool_create(unsigned nthreads);

/* Queues fn(arg) to run once on one of the pool's worker threads, never on
 * the caller's. Returns 0, or -1 when out of memory (fn is then not run).
 * A task may itself call pool_submit on its pool. Target: O(1) time per
 * call, so n submissions cost O(n); at most 64 bytes of heap per queued
 * task (plus 64 KiB), freed once the task has run. */
int pool_submit(struct pool *p, void (*fn)(void *), void *arg);

/* Blocks until every task submitted so far (and every task those submit)
 * has finished. Whatever the tasks wrote is then visible to the caller.
 * The pool stays usable. */
void pool_wait(struct pool *p);

/* Waits for the tasks as pool_wait does, stops the workers, joins every one
 * of them (a thread never joined is a leak) and frees all the pool holds.
 * p may be NULL. */
void pool_destroy(struct pool *p);

#endif
