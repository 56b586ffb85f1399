/* parallel_sum_racy.c - known wrong: every thread adds its partial sum into
 * one shared total without a lock. The update is a read-modify-write that
 * two threads can interleave, losing one partial sum; it happens rarely, so
 * the tests catch it only now and then (about 1 run in 100). Must fail the
 * race check (helgrind reports the race on `total` every time) and pass
 * the others. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "parallel_sum.h"

#define MAX_THREADS 64

struct slice {
	const int32_t *a;
	size_t n;
	int64_t *total;
};

static void *sum_slice(void *arg)
{
	struct slice *s = arg;
	int64_t sum = 0;
	for (size_t i = 0; i < s->n; i++)
		sum += s->a[i];
	*s->total += sum;
	return NULL;
}

int64_t parallel_sum(const int32_t *a, size_t n, unsigned threads)
{
	struct slice slices[MAX_THREADS];
	pthread_t tids[MAX_THREADS];
	size_t t = threads ? threads : 1;
	int64_t total = 0;

	if (t > MAX_THREADS)
		t = MAX_THREADS;
	if (t > n)
		t = n ? n : 1;
	for (size_t i = 0; i < t; i++) {
		slices[i].a = a + n * i / t;
		slices[i].n = n * (i + 1) / t - n * i / t;
		slices[i].total = &total;
	}
	size_t started = 1;
	for (; started < t; started++)
		if (pthread_create(&tids[started], NULL, sum_slice, &slices[started]))
			break;
	for (size_t i = started; i < t; i++)
		sum_slice(&slices[i]);
	sum_slice(&slices[0]);
	for (size_t i = 1; i < started; i++)
		pthread_join(tids[i], NULL);
	return total;
}
