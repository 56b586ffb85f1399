/* thread_pool_leak.c - known wrong: a worker runs a task and never frees its
 * node, 24 bytes lost per task. Must fail memory (leaks) and pass the
 * others. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>

#include "thread_pool.h"

struct task {
	void (*fn)(void *);
	void *arg;
	struct task *next;
};

struct pool {
	pthread_mutex_t lock;
	pthread_cond_t work;  /* a task was queued, or stop was set */
	pthread_cond_t idle;  /* pending dropped to 0 */
	struct task *head, *tail;
	size_t pending;
	int stop;
	unsigned nthreads;
	pthread_t *threads;
};

static void *worker(void *arg)
{
	struct pool *p = arg;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->head && !p->stop)
			pthread_cond_wait(&p->work, &p->lock);
		if (!p->head)
			break;
		struct task *t = p->head;
		p->head = t->next;
		if (!p->head)
			p->tail = NULL;
		pthread_mutex_unlock(&p->lock);

		t->fn(t->arg);

		pthread_mutex_lock(&p->lock);
		if (--p->pending == 0)
			pthread_cond_broadcast(&p->idle);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Stops and joins the first `started` workers. */
static void stop_workers(struct pool *p, unsigned started)
{
	pthread_mutex_lock(&p->lock);
	p->stop = 1;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (unsigned i = 0; i < started; i++)
		pthread_join(p->threads[i], NULL);
}

static void free_pool(struct pool *p)
{
	pthread_cond_destroy(&p->idle);
	pthread_cond_destroy(&p->work);
	pthread_mutex_destroy(&p->lock);
	free(p->threads);
	free(p);
}

struct pool *pool_create(unsigned nthreads)
{
	struct pool *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->nthreads = nthreads ? nthreads : 1;
	p->threads = calloc(p->nthreads, sizeof(*p->threads));
	if (!p->threads) {
		free(p);
		return NULL;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->idle, NULL);
	for (unsigned i = 0; i < p->nthreads; i++) {
		if (pthread_create(&p->threads[i], NULL, worker, p)) {
			stop_workers(p, i);
			free_pool(p);
			return NULL;
		}
	}
	return p;
}

int pool_submit(struct pool *p, void (*fn)(void *), void *arg)
{
	struct task *t = malloc(sizeof(*t));
	if (!t)
		return -1;
	t->fn = fn;
	t->arg = arg;
	t->next = NULL;

	pthread_mutex_lock(&p->lock);
	if (p->tail)
		p->tail->next = t;
	else
		p->head = t;
	p->tail = t;
	p->pending++;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->lock);
	return 0;
}

void pool_wait(struct pool *p)
{
	pthread_mutex_lock(&p->lock);
	while (p->pending)
		pthread_cond_wait(&p->idle, &p->lock);
	pthread_mutex_unlock(&p->lock);
}

void pool_destroy(struct pool *p)
{
	if (!p)
		return;
	pool_wait(p);
	stop_workers(p, p->nthreads);
	free_pool(p);
}
