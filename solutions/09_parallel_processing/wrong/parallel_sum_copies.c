/* parallel_sum_copies.c - known wrong: hands each thread a malloc'd copy of
 * its slice, 4*n bytes of heap where none is needed. Must fail memory (over
 * the heap budget) and pass the others. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "parallel_sum.h"

#define MAX_THREADS 64

struct slice {
	int32_t *copy;
	size_t n;
	int64_t sum;
};

static void *sum_slice(void *arg)
{
	struct slice *s = arg;
	int64_t sum = 0;
	for (size_t i = 0; i < s->n; i++)
		sum += s->copy[i];
	s->sum = sum;
	return NULL;
}

int64_t parallel_sum(const int32_t *a, size_t n, unsigned threads)
{
	struct slice slices[MAX_THREADS];
	pthread_t tids[MAX_THREADS];
	int ok[MAX_THREADS];
	size_t t = threads ? threads : 1;

	if (t > MAX_THREADS)
		t = MAX_THREADS;
	if (t > n)
		t = n ? n : 1;
	for (size_t i = 0; i < t; i++) {
		size_t lo = n * i / t, hi = n * (i + 1) / t;
		slices[i].n = hi - lo;
		slices[i].sum = 0;
		slices[i].copy = malloc((hi - lo ? hi - lo : 1) * sizeof(int32_t));
		if (slices[i].n)
			memcpy(slices[i].copy, a + lo, slices[i].n * sizeof(int32_t));
	}
	for (size_t i = 1; i < t; i++)
		ok[i] = !pthread_create(&tids[i], NULL, sum_slice, &slices[i]);
	sum_slice(&slices[0]);
	int64_t total = slices[0].sum;
	free(slices[0].copy);
	for (size_t i = 1; i < t; i++) {
		if (ok[i])
			pthread_join(tids[i], NULL);
		else
			sum_slice(&slices[i]);
		total += slices[i].sum;
		free(slices[i].copy);
	}
	return total;
}
