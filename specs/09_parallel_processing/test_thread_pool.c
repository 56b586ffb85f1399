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

#include "test_heap.h"
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

/* The benchmark queues n tasks at once on a pool it makes, waits once and
 * destroys it: the heap a pool holds, from before it is made to after it
 * is destroyed, is held to the budget at n = the most tasks submitted to
 * it between one wait and the next, the most its queue can hold at once
 * (test_heap.h). What the test needs for its own (the tasks' slots and
 * arguments) is allocated before and freed after. */
static struct pool *open_pool(unsigned nthreads, size_t n)
{
	heap_input(n);
	return make_pool(nthreads);
}

static void close_pool(struct pool *p)
{
	pool_destroy(p);
	heap_input_done();
}

static void submit(struct pool *p, void (*fn)(void *), void *arg)
{
	int rc = pool_submit(p, fn, arg);
	cr_assert_eq(rc, 0, "pool_submit: expected 0, got %d", rc);
}

/* Room for n counters, made before a pool is (open_pool): the pool alone
 * is held to the budget. */
static atomic_int *new_slots(size_t n)
{
	atomic_int *slots = calloc(n ? n : 1, sizeof(*slots));
	cr_assert_not_null(slots);
	return slots;
}

/* Submits n increments of slots[0..n), waits, and checks each ran once. */
static void run_counted(struct pool *p, atomic_int *slots, size_t n)
{
	for (size_t i = 0; i < n; i++)
		atomic_store(&slots[i], 0);
	for (size_t i = 0; i < n; i++)
		submit(p, increment, &slots[i]);
	pool_wait(p);
	for (size_t i = 0; i < n; i++) {
		int ran = atomic_load(&slots[i]);
		cr_assert_eq(ran, 1, "task %zu of %zu: expected to run once, ran %d times", i, n, ran);
	}
}

Test(thread_pool, create_and_destroy_empty)
{
	for (unsigned t = 0; t <= 4; t++)
		close_pool(open_pool(t, 0));
	heap_input(0);
	pool_destroy(NULL);
	heap_input_done();
}

Test(thread_pool, one_task)
{
	atomic_int *slots = new_slots(1);
	struct pool *p = open_pool(2, 1);
	run_counted(p, slots, 1);
	close_pool(p);
	free(slots);
}

Test(thread_pool, wait_with_nothing_submitted)
{
	atomic_int *slots = new_slots(5);
	struct pool *p = open_pool(3, 5);
	pool_wait(p);
	pool_wait(p);
	run_counted(p, slots, 5);
	close_pool(p);
	free(slots);
}

Test(thread_pool, many_tasks_each_run_once)
{
	static const unsigned threads[] = { 1, 2, 3, 8 };
	atomic_int *slots = new_slots(5000);
	for (size_t i = 0; i < sizeof(threads) / sizeof(threads[0]); i++) {
		struct pool *p = open_pool(threads[i], 5000);
		run_counted(p, slots, 5000);
		close_pool(p);
	}
	free(slots);
}

/* 20 batches of 500 to 1203 tasks, a wait after each: the queue holds at
 * most one batch at a time, so n is the largest. */
Test(thread_pool, reusable_after_wait)
{
	size_t most = 500 + 37 * 19;
	atomic_int *slots = new_slots(most);
	struct pool *p = open_pool(4, most);
	for (int round = 0; round < 20; round++)
		run_counted(p, slots, 500 + 37 * (size_t)round);
	close_pool(p);
	free(slots);
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
	struct pool *p = open_pool(2, 200);
	struct where w = { .submitter = pthread_self() };
	for (int i = 0; i < 200; i++)
		submit(p, note_thread, &w);
	pool_wait(p);
	cr_assert_eq(atomic_load(&w.ran), 200, "expected 200 tasks to have run, got %d",
		     atomic_load(&w.ran));
	cr_assert_eq(atomic_load(&w.on_submitter), 0,
		     "expected no task on the submitting thread, got %d", atomic_load(&w.on_submitter));
	close_pool(p);
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
	struct pool *p = open_pool(4, 4);
	for (int i = 0; i < 4; i++)
		submit(p, meet, &m);
	pool_wait(p);
	cr_assert_eq(m.met, 4, "4 tasks on a pool of 4 threads: expected all 4 to be running at "
		     "the same time, but only %d of them were", m.met);
	close_pool(p);
}

Test(thread_pool, destroy_finishes_queued_tasks)
{
	atomic_int ran = 0;
	struct pool *p = open_pool(2, 5000);
	for (int i = 0; i < 5000; i++)
		submit(p, increment, &ran);
	close_pool(p);
	cr_assert_eq(atomic_load(&ran), 5000, "expected 5000 tasks to have run at destroy, got %d",
		     atomic_load(&ran));
}

/* A task that submits two more, down to the tenth level below the first:
 * a tree of 2^11 - 1 tasks. The tasks' arguments are the nodes of a complete binary tree laid out in an array
 * made beforehand (node i has children 2i+1 and 2i+2): the tasks allocate
 * nothing, and only the pool is held to the budget. */
struct tree {
	struct pool *pool;
	struct tree_node *node;
	atomic_int nodes;
	size_t size;
};

struct tree_node {
	struct tree *tree;
	size_t index;
};

static void grow(void *arg)
{
	struct tree_node *node = arg;
	struct tree *t = node->tree;
	atomic_fetch_add(&t->nodes, 1);
	for (size_t c = 2 * node->index + 1; c <= 2 * node->index + 2 && c < t->size; c++) {
		struct tree_node *child = &t->node[c];
		child->tree = t;
		child->index = c;
		if (pool_submit(t->pool, grow, child))
			abort();
	}
}

/* All 2^11 - 1 tasks are submitted before the one wait: n = 2047. */
Test(thread_pool, tasks_may_submit_tasks)
{
	size_t size = (1 << 11) - 1;
	struct tree t = { NULL, calloc(size, sizeof(struct tree_node)), 0, size };
	cr_assert_not_null(t.node);
	t.pool = open_pool(3, size);
	t.node[0].tree = &t;
	t.node[0].index = 0;
	submit(t.pool, grow, &t.node[0]);
	pool_wait(t.pool);
	int want = (int)size;
	cr_assert_eq(atomic_load(&t.nodes), want, "a binary tree of tasks 10 deep: expected %d "
		     "tasks done when pool_wait returns, got %d", want, atomic_load(&t.nodes));
	close_pool(t.pool);
	free(t.node);
}

Test(thread_pool, destroy_joins_every_worker)
{
	atomic_int *slots = new_slots(10);
	int before = thread_count();
	for (int round = 0; round < 20; round++) {
		struct pool *p = open_pool(3, 10);
		run_counted(p, slots, 10);
		close_pool(p);
	}
	int after = thread_count_settles_at(before);
	free(slots);
	cr_assert_eq(after, before, "20 pools of 3 threads created and destroyed: expected %d "
		     "threads left, as before, got %d", before, after);
}

/* Pools of 1 to 6 threads given 0 to 2000 tasks, waited for once or more
 * times between batches: every task runs exactly once. The batches are
 * drawn before the pool is made, whose n is the largest of them. */
Test(thread_pool, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	atomic_int *slots = new_slots(2000);
	for (int round = 0; round < 10; round++) {
		unsigned threads = 1 + (unsigned)(rnd() % 6);
		size_t len[3], most = 0;
		int batches = 1 + (int)(rnd() % 3);
		for (int batch = 0; batch < batches; batch++) {
			len[batch] = rnd_len(2000);
			if (len[batch] > most)
				most = len[batch];
		}
		struct pool *p = open_pool(threads, most);
		for (int batch = 0; batch < batches; batch++) {
			size_t n = len[batch];
			for (size_t i = 0; i < n; i++)
				atomic_store(&slots[i], 0);
			for (size_t i = 0; i < n; i++)
				submit(p, increment, &slots[i]);
			pool_wait(p);
			for (size_t i = 0; i < n; i++)
				cr_assert_eq(atomic_load(&slots[i]), 1,
					     "random case %d (seed %llu), %u threads: task %zu of %zu ran %d times, expected once",
					     round, (unsigned long long)seed, threads, i, n, atomic_load(&slots[i]));
		}
		close_pool(p);
	}
	free(slots);
}
