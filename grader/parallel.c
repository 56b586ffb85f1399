/* parallel.c - run the items of a list on several threads */
#include "parallel.h"

#include <pthread.h>
#include <unistd.h>

#define MAX_THREADS 64

struct queue {
	void (*fn)(void *, size_t);
	void *arg;
	size_t count, next;
	pthread_mutex_t lock;
};

static void *worker(void *p)
{
	struct queue *q = p;
	for (;;) {
		pthread_mutex_lock(&q->lock);
		size_t i = q->next++;
		pthread_mutex_unlock(&q->lock);
		if (i >= q->count)
			return NULL;
		q->fn(q->arg, i);
	}
}

void parallel_for(size_t count, int threads, void (*fn)(void *arg, size_t i), void *arg)
{
	struct queue q = { fn, arg, count, 0, PTHREAD_MUTEX_INITIALIZER };
	pthread_t tid[MAX_THREADS];
	int started = 0;

	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	if ((size_t)threads > count)
		threads = (int)count;
	/* The calling thread works too: threads - 1 more are started. */
	for (int t = 1; t < threads; t++)
		if (!pthread_create(&tid[started], NULL, worker, &q))
			started++;
	worker(&q);
	for (int t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
}

int parallel_cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}
