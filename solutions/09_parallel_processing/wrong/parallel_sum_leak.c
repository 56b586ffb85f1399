/* parallel_sum_leak.c - known wrong: right sum, no race, but the malloc'd
 * array of thread arguments is never freed. Must fail memory (a leak) and
 * pass the others. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>

#include "parallel_sum.h"

struct slice {
	const int32_t *a;
	size_t n;
	int64_t sum;
	pthread_t tid;
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
	size_t t = threads ? threads : 1;

	if (t > n)
		t = n ? n : 1;
	struct slice *slices = malloc(t * sizeof(*slices));
	if (!slices)
		return 0;
	for (size_t i = 0; i < t; i++) {
		slices[i].a = a + n * i / t;
		slices[i].n = n * (i + 1) / t - n * i / t;
		if (i > 0 && pthread_create(&slices[i].tid, NULL, sum_slice, &slices[i]))
			slices[i].tid = pthread_self();
	}
	sum_slice(&slices[0]);
	int64_t total = slices[0].sum;
	for (size_t i = 1; i < t; i++) {
		if (pthread_equal(slices[i].tid, pthread_self()))
			sum_slice(&slices[i]);
		else
			pthread_join(slices[i].tid, NULL);
		total += slices[i].sum;
	}
	return total;
}
