/* test_thread_pool.c - correctness of the thread pool: every task runs
 * exactly once, on a worker, in parallel, and pool_destroy leaves no thread
 * behind */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "thread_pool.h"

#include "test_random.h"

/* The number of threads of this process, from /proc/self/status. */
static int thread_count(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	cr_assert_not_null(f, "cannot read /proc/self/status");
	char line[256];
	int count = -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Threads: %d", &count) == 1)
			break;
	fclose(f);
	cr_assert(count > 0, "no Threads: line in /proc/self/status");
	return count;
}

/* Waits up to 1 s for the thread count to come down to want: a joined
 * thread can still be listed for a moment while the kernel ends it. */
static int thread_count_settles_at(int want)
{
	int now = thread_count();
	for (int i = 0; i < 100 && now > want; i++) {
		struct timespec ms10 = { 0, 10 * 1000 * 1000 };
		nanosleep(&ms10, NULL);
		now = thread_count();
	}
	return now;
}

static void increment(void *arg)
{
	atomic_fetch_add((atomic_int *)arg, 1);
}

static struct pool *make_pool(unsigned nthreads)
{
	struct pool *p = pool_create(nthreads);
	cr_assert_not_null(p, "pool_create(%u) returned NULL", nthreads);
	return p;
}

static void submit(struct pool *p, void (*fn)(void *), void *arg)
{
	int rc = pool_submit(p, fn, arg);
	cr_assert_eq(rc, 0, "pool_submit: expected 0, got %d", rc);
}

/* Submits n increments of slots[0..n), waits, and checks each ran once. */
static void run_counted(struct pool *p, size_t n)
{
	atomic_int *slots = calloc(n, sizeof(*slots));
	cr_assert_not_null(slots);
	for (size_t i = 0; i < n; i++)
		submit(p, increment, &slots[i]);
	pool_wait(p);
	for (size_t i = 0; i < n; i++) {
		int ran = atomic_load(&slots[i]);
		cr_assert_eq(ran, 1, "task %zu of %zu: expected to run once, ran %d times", i, n, ran);
	}
	free(slots);
}

Test(thread_pool, create_and_destroy_empty)
{
	for (unsigned t = 0; t <= 4; t++)
		pool_destroy(make_pool(t));
	pool_destroy(NULL);
}

Test(thread_pool, one_task)
{
	struct pool *p = make_pool(2);
	run_counted(p, 1);
	pool_destroy(p);
}

Test(thread_pool, wait_with_nothing_submitted)
{
	struct pool *p = make_pool(3);
	pool_wait(p);
	pool_wait(p);
	run_counted(p, 5);
	pool_destroy(p);
}

Test(thread_pool, many_tasks_each_run_once)
{
	static const unsigned threads[] = { 1, 2, 3, 8 };
	for (size_t i = 0; i < sizeof(threads) / sizeof(threads[0]); i++) {
		struct pool *p = make_pool(threads[i]);
		run_counted(p, 5000);
		pool_destroy(p);
	}
}

Test(thread_pool, reusable_after_wait)
{
	struct pool *p = make_pool(4);
	for (int round = 0; round < 20; round++)
		run_counted(p, 500 + 37 * (size_t)round);
	pool_destroy(p);
}

/* A task that records whether it ran on the thread that submitted it. */
struct where {
	pthread_t submitter;
	atomic_int on_submitter, ran;
};

static void note_thread(void *arg)
{
	struct where *w = arg;
	if (pthread_equal(pthread_self(), w->submitter))
		atomic_fetch_add(&w->on_submitter, 1);
	atomic_fetch_add(&w->ran, 1);
}

Test(thread_pool, tasks_run_on_workers)
{
	struct pool *p = make_pool(2);
	struct where w = { .submitter = pthread_self() };
	for (int i = 0; i < 200; i++)
		submit(p, note_thread, &w);
	pool_wait(p);
	cr_assert_eq(atomic_load(&w.ran), 200, "expected 200 tasks to have run, got %d",
		     atomic_load(&w.ran));
	cr_assert_eq(atomic_load(&w.on_submitter), 0,
		     "expected no task on the submitting thread, got %d", atomic_load(&w.on_submitter));
	pool_destroy(p);
}

/* K tasks that each wait, up to a deadline, until all K have started: they
 * can only all meet if K workers run them at the same time. */
struct meeting {
	pthread_mutex_t lock;
	pthread_cond_t all_here;
	struct timespec deadline;
	int expected, arrived, met;
};

static void meet(void *arg)
{
	struct meeting *m = arg;
	int rc = 0;

	pthread_mutex_lock(&m->lock);
	if (++m->arrived == m->expected)
		pthread_cond_broadcast(&m->all_here);
	while (m->arrived < m->expected && rc != ETIMEDOUT)
		rc = pthread_cond_timedwait(&m->all_here, &m->lock, &m->deadline);
	if (m->arrived == m->expected)
		m->met++;
	pthread_mutex_unlock(&m->lock);
}

Test(thread_pool, workers_run_in_parallel)
{
	struct meeting m = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, { 0, 0 }, 4, 0, 0 };
	clock_gettime(CLOCK_REALTIME, &m.deadline);
	m.deadline.tv_sec += 1;
	struct pool *p = make_pool(4);
	for (int i = 0; i < 4; i++)
		submit(p, meet, &m);
	pool_wait(p);
	cr_assert_eq(m.met, 4, "4 tasks on a pool of 4 threads: expected all 4 to be running at "
		     "the same time, but only %d of them were", m.met);
	pool_destroy(p);
}

Test(thread_pool, destroy_finishes_queued_tasks)
{
	atomic_int ran = 0;
	struct pool *p = make_pool(2);
	for (int i = 0; i < 5000; i++)
		submit(p, increment, &ran);
	pool_destroy(p);
	cr_assert_eq(atomic_load(&ran), 5000, "expected 5000 tasks to have run at destroy, got %d",
		     atomic_load(&ran));
}

/* A task that submits `depth` more levels of two tasks each. */
struct tree {
	struct pool *pool;
	atomic_int nodes;
	int depth;
};

struct tree_node {
	struct tree *tree;
	int depth;
};

static void grow(void *arg)
{
	struct tree_node *node = arg;
	struct tree *t = node->tree;
	atomic_fetch_add(&t->nodes, 1);
	if (node->depth < t->depth) {
		for (int i = 0; i < 2; i++) {
			struct tree_node *child = malloc(sizeof(*child));
			if (!child)
				abort();
			child->tree = t;
			child->depth = node->depth + 1;
			if (pool_submit(t->pool, grow, child))
				abort();
		}
	}
	free(node);
}

Test(thread_pool, tasks_may_submit_tasks)
{
	struct tree t = { make_pool(3), 0, 10 };
	struct tree_node *root = malloc(sizeof(*root));
	cr_assert_not_null(root);
	root->tree = &t;
	root->depth = 0;
	submit(t.pool, grow, root);
	pool_wait(t.pool);
	int want = (1 << 11) - 1;
	cr_assert_eq(atomic_load(&t.nodes), want, "a binary tree of tasks 10 deep: expected %d "
		     "tasks done when pool_wait returns, got %d", want, atomic_load(&t.nodes));
	pool_destroy(t.pool);
}

Test(thread_pool, destroy_joins_every_worker)
{
	int before = thread_count();
	for (int round = 0; round < 20; round++) {
		struct pool *p = make_pool(3);
		run_counted(p, 10);
		pool_destroy(p);
	}
	int after = thread_count_settles_at(before);
	cr_assert_eq(after, before, "20 pools of 3 threads created and destroyed: expected %d "
		     "threads left, as before, got %d", before, after);
}

/* Pools of 1 to 6 threads given 0 to 2000 tasks, waited for once or more
 * times between batches: every task runs exactly once. */
Test(thread_pool, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 10; round++) {
		unsigned threads = 1 + (unsigned)(rnd() % 6);
		struct pool *p = make_pool(threads);
		for (int batch = 0, batches = 1 + (int)(rnd() % 3); batch < batches; batch++) {
			size_t n = rnd_len(2000);
			atomic_int *slots = calloc(n ? n : 1, sizeof(*slots));
			cr_assert_not_null(slots);
			for (size_t i = 0; i < n; i++)
				submit(p, increment, &slots[i]);
			pool_wait(p);
			for (size_t i = 0; i < n; i++)
				cr_assert_eq(atomic_load(&slots[i]), 1,
					     "random case %d (seed %llu), %u threads: task %zu of %zu ran %d times, expected once",
					     round, (unsigned long long)seed, threads, i, n, atomic_load(&slots[i]));
			free(slots);
		}
		pool_destroy(p);
	}
}
