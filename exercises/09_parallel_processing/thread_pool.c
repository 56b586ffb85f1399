/* thread_pool.c - your solution (topic 09): see README.md */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>

#include "thread_pool.h"

struct pool {
	unsigned nthreads;
	/* TODO: the workers, a queue of tasks, a mutex and conditions. */
};

struct pool *pool_create(unsigned nthreads)
{
	(void)nthreads;
	/* TODO: allocate the pool and start nthreads workers. */
	return NULL;
}

int pool_submit(struct pool *p, void (*fn)(void *), void *arg)
{
	(void)p;
	(void)fn;
	(void)arg;
	/* TODO: queue fn(arg) and wake a worker. */
	return -1;
}

void pool_wait(struct pool *p)
{
	(void)p;
	/* TODO: block until no task is queued or running. */
}

void pool_destroy(struct pool *p)
{
	/* TODO: wait, stop and join the workers, free everything. */
	free(p);
}
