/* parallel_sum.c - reference solution: each thread sums its own slice into
 * its own slot; the caller adds the slots after joining. Nothing is shared
 * while the threads run, so there is nothing to lock. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "parallel_sum.h"

#define MAX_THREADS 64

struct slice {
	const int32_t *a;
	size_t n;
	int64_t sum;
};

static void *sum_slice(void *arg)
{
	struct slice *s = arg;
	int64_t sum = 0;
	for (size_t i = 0; i < s->n; i++)
		sum += s->a[i];
	s->sum = sum;
	return NULL;
}

int64_t parallel_sum(const int32_t *a, size_t n, unsigned threads)
{
	struct slice slices[MAX_THREADS];
	pthread_t tids[MAX_THREADS];
	size_t t = threads ? threads : 1;

	if (t > MAX_THREADS)
		t = MAX_THREADS;
	if (t > n)
		t = n ? n : 1;

	/* Slice 0 is the caller's own; the others get a thread each. A thread
	 * that cannot be started leaves its slice to the caller. */
	size_t started = 1;
	for (size_t i = 0; i < t; i++) {
		slices[i].a = a + n * i / t;
		slices[i].n = n * (i + 1) / t - n * i / t;
		slices[i].sum = 0;
	}
	for (; started < t; started++)
		if (pthread_create(&tids[started], NULL, sum_slice, &slices[started]))
			break;
	for (size_t i = started; i < t; i++)
		sum_slice(&slices[i]);
	sum_slice(&slices[0]);

	int64_t total = 0;
	for (size_t i = 0; i < t; i++) {
		if (i > 0 && i < started)
			pthread_join(tids[i], NULL);
		total += slices[i].sum;
	}
	return total;
}
