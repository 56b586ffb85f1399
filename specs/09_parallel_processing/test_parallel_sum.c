/* test_parallel_sum.c - correctness of parallel_sum, and that it really uses
 * the threads it is given */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "parallel_sum.h"

#include "test_heap.h"
#include "test_random.h"

/* Every pthread_create of this program comes here first (a definition in the
 * program takes precedence over the C library's), is counted, and goes on
 * to the real one. */
static atomic_int created;

int pthread_create(pthread_t *restrict thread, const pthread_attr_t *restrict attr,
		   void *(*start)(void *), void *restrict arg)
{
	static int (*real)(pthread_t *restrict, const pthread_attr_t *restrict,
			   void *(*)(void *), void *restrict);
	if (!real) {
		void *sym = dlsym(RTLD_NEXT, "pthread_create");
		cr_assert_not_null(sym, "cannot find the C library's pthread_create");
		memcpy(&real, &sym, sizeof(real));
	}
	atomic_fetch_add(&created, 1);
	return real(thread, attr, start, arg);
}

static int64_t naive_sum(const int32_t *a, size_t n)
{
	int64_t s = 0;
	for (size_t i = 0; i < n; i++)
		s += a[i];
	return s;
}

/* n values from a fixed pseudo-random sequence, positive and negative. */
static int32_t *make_input(size_t n, uint32_t seed)
{
	int32_t *a = malloc((n ? n : 1) * sizeof(*a));
	cr_assert_not_null(a);
	uint32_t x = seed;
	for (size_t i = 0; i < n; i++) {
		x = x * 1664525u + 1013904223u;
		a[i] = (int32_t)x;
	}
	return a;
}

/* Calls parallel_sum on a copy of a, checks the copy is unchanged and the
 * sum exact. The heap the call holds, with its threads, is held to the
 * budget at n = the values summed (the benchmark's n: test_heap.h). */
static void check(const int32_t *a, size_t n, unsigned threads)
{
	int32_t *copy = malloc((n ? n : 1) * sizeof(*copy));
	cr_assert_not_null(copy);
	if (n)
		memcpy(copy, a, n * sizeof(*copy));
	int64_t want = naive_sum(a, n);
	heap_input(n);
	int64_t got = parallel_sum(copy, n, threads);
	heap_input_done();
	cr_assert_eq(got, want, "n = %zu, threads = %u: expected %lld, got %lld", n, threads,
		     (long long)want, (long long)got);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(copy[i], a[i], "parallel_sum modified a[%zu]: was %d, is now %d", i,
			     (int)a[i], (int)copy[i]);
	free(copy);
}

Test(parallel_sum, empty_is_zero)
{
	for (unsigned t = 1; t <= 8; t++) {
		heap_input(0);
		int64_t got = parallel_sum(NULL, 0, t);
		heap_input_done();
		cr_assert_eq(got, 0, "n = 0, threads = %u: expected 0, got %lld", t, (long long)got);
	}
}

Test(parallel_sum, one_element)
{
	int32_t a[] = { -42 };
	for (unsigned t = 1; t <= 4; t++)
		check(a, 1, t);
}

Test(parallel_sum, more_threads_than_elements)
{
	int32_t a[] = { 5, -7, 11 };
	check(a, 3, 8);
	check(a, 2, 16);
	check(a, 3, 64);
}

Test(parallel_sum, zero_threads_counts_as_one)
{
	int32_t a[] = { 1, 2, 3, 4, 5, 6, 7 };
	check(a, 7, 0);
}

Test(parallel_sum, many_sizes_and_thread_counts)
{
	static const size_t sizes[] = { 2, 3, 7, 64, 100, 1000, 4097, 65537 };
	static const unsigned threads[] = { 1, 2, 3, 4, 5, 7, 8, 16 };
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		int32_t *a = make_input(sizes[i], (uint32_t)i + 1);
		for (size_t j = 0; j < sizeof(threads) / sizeof(threads[0]); j++)
			check(a, sizes[i], threads[j]);
		free(a);
	}
}

Test(parallel_sum, sum_needs_64_bits)
{
	size_t n = 1 << 20;
	int32_t *a = malloc(n * sizeof(*a));
	cr_assert_not_null(a);
	for (size_t i = 0; i < n; i++)
		a[i] = INT32_MAX;
	check(a, n, 4);
	for (size_t i = 0; i < n; i++)
		a[i] = INT32_MIN;
	check(a, n, 3);
	for (size_t i = 0; i < n; i++)
		a[i] = i < n / 2 ? INT32_MAX : INT32_MIN;
	check(a, n, 2);
	free(a);
}

Test(parallel_sum, uses_the_threads_it_is_given)
{
	size_t n = 1 << 20;
	int32_t *a = make_input(n, 99);
	static const unsigned threads[] = { 2, 4, 8 };
	for (size_t j = 0; j < sizeof(threads) / sizeof(threads[0]); j++) {
		unsigned t = threads[j];
		int before = atomic_load(&created);
		check(a, n, t);
		int started = atomic_load(&created) - before;
		cr_assert(started >= (int)t - 1 && started <= (int)t,
			  "threads = %u, n = %zu: expected %u or %u threads to be started, got %d",
			  t, n, t - 1, t, started);
	}
	free(a);
}

Test(parallel_sum, repeated_calls_agree)
{
	size_t n = 100003;
	int32_t *a = make_input(n, 7);
	for (int rep = 0; rep < 50; rep++)
		check(a, n, 2 + (unsigned)rep % 7);
	free(a);
}

/* 0 to 5000 values of any int32 (the extremes often), 0 to 9 threads,
 * against a plain loop in 64 bits. */
Test(parallel_sum, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 40; round++) {
		size_t n = rnd_len(5000);
		unsigned threads = (unsigned)(rnd() % 10);
		int32_t *a = malloc((n ? n : 1) * sizeof(*a));
		cr_assert_not_null(a);
		for (size_t i = 0; i < n; i++)
			a[i] = rnd_value();
		int64_t want = naive_sum(a, n);
		heap_input(n);
		int64_t got = parallel_sum(a, n, threads);
		heap_input_done();
		cr_assert_eq(got, want, "random case %d (seed %llu): n = %zu, %u threads: expected %lld, got %lld", round,
			     (unsigned long long)seed, n, threads, (long long)want, (long long)got);
		free(a);
	}
}
