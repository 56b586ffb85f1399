/* thread_count.h - how many threads the code in this process started
 *
 * Linked into the benchmark runners and the tests' sanitizer build, whose
 * links wrap pthread_create and thrd_create (build.h): every thread the
 * driver, the tests or the code under test start through them is counted.
 * Code that starts threads another way (a raw clone is refused by the
 * system-call filter) is not.
 */
#ifndef THREAD_COUNT_H
#define THREAD_COUNT_H

/* Threads started so far; read and reset with __atomic builtins. */
extern unsigned grader_threads_started;

#endif
