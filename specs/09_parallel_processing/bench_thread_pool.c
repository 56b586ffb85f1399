/* bench_thread_pool.c - benchmark driver: n tiny tasks submitted to a pool of
 * 2 workers, then pool_wait.
 *
 * Each worker is first handed a "gate" task that blocks until every one of
 * the n tasks has been submitted, so the queue really holds n tasks at once
 * whatever the machine's timing: the cost of pool_submit with a long queue
 * and the peak heap of a full queue are what get measured. The gates do not
 * assume the pool keeps any order: if a worker runs other tasks first, it
 * meets a gate later, and the gates open regardless once all is submitted.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "bench.h"
#include "thread_pool.h"

#define WORKERS 2

struct input {
	struct pool *pool;
	unsigned char *ran; /* ran[i] counts the runs of task i */
	pthread_mutex_t gate_lock;
	pthread_cond_t gate_open;
	int open;
};

static void gate(void *arg)
{
	struct input *in = arg;
	pthread_mutex_lock(&in->gate_lock);
	while (!in->open)
		pthread_cond_wait(&in->gate_open, &in->gate_lock);
	pthread_mutex_unlock(&in->gate_lock);
}

static void count(void *arg)
{
	(*(unsigned char *)arg)++;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_calloc(1, sizeof(*in));
	(void)rng;
	in->ran = bench_calloc(n ? n : 1, 1);
	pthread_mutex_init(&in->gate_lock, NULL);
	pthread_cond_init(&in->gate_open, NULL);
	in->pool = pool_create(WORKERS);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	if (!in->pool)
		return;
	for (int i = 0; i < WORKERS; i++)
		pool_submit(in->pool, gate, in);
	for (size_t i = 0; i < n; i++)
		pool_submit(in->pool, count, &in->ran[i]);
	pthread_mutex_lock(&in->gate_lock);
	in->open = 1;
	pthread_cond_broadcast(&in->gate_open);
	pthread_mutex_unlock(&in->gate_lock);
	pool_wait(in->pool);
	bench_sink(n ? (uint64_t)in->ran[0] + in->ran[n - 1] : 0);
}

const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	if (!in->pool)
		return "expected a pool, pool_create gave NULL";
	for (size_t i = 0; i < n; i++)
		if (in->ran[i] != 1)
			return bench_expect("expected task %zu of %zu to run once before pool_wait returned, it ran %d times",
					    i, n, in->ran[i]);
	return NULL;
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	pool_destroy(in->pool);
	pthread_cond_destroy(&in->gate_open);
	pthread_mutex_destroy(&in->gate_lock);
	bench_release(in->ran);
	bench_release(in);
}
