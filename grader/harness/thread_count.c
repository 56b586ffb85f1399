/* thread_count.c - count the threads started, through the linker's --wrap */
#include "thread_count.h"

#include <pthread.h>
#include <threads.h>

unsigned grader_threads_started;

int __real_pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*fn)(void *), void *arg);
int __wrap_pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*fn)(void *), void *arg);
int __wrap_pthread_create(pthread_t *t, const pthread_attr_t *attr, void *(*fn)(void *), void *arg)
{
	__atomic_add_fetch(&grader_threads_started, 1, __ATOMIC_RELAXED);
	return __real_pthread_create(t, attr, fn, arg);
}

int __real_thrd_create(thrd_t *t, thrd_start_t fn, void *arg);
int __wrap_thrd_create(thrd_t *t, thrd_start_t fn, void *arg);
int __wrap_thrd_create(thrd_t *t, thrd_start_t fn, void *arg)
{
	__atomic_add_fetch(&grader_threads_started, 1, __ATOMIC_RELAXED);
	return __real_thrd_create(t, fn, arg);
}
