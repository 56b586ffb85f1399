/* san_hooks.c - the tests' second build, under AddressSanitizer and UBSan
 *
 * Linked only into tests-san (build.c), with the test's teardown wrapped
 * (-Wl,--wrap=criterion_internal_test_teardown); cr_hooks.c calls
 * grader_test_body_begins() before each test's body. The sanitizers report invalid
 * accesses, use after free, double free and undefined behaviour on the
 * worker's stderr, which the hooks capture as the test's output (cr_hooks.c).
 * LeakSanitizer cannot run here (it stops the world with ptrace, which the
 * system-call filter refuses), so each worker prints the heap its test's
 * body still holds when it returns, and the most it held at once (its
 * peak, from a hook on every allocation), as a line the grader reads:
 *
 *   ==grader-heap== HELD PEAK
 *
 * A test that holds more when its body returns than before it is
 * suspect, and the grader confirms with memcheck; so is a test whose line
 * is missing (its output was tampered with, or it ended early). The C
 * library keeps a little of every thread it started (its thread-local
 * storage vector, with the cached stack, 352 bytes here): up to
 * THREAD_KEEP bytes per thread the test's body started are not counted
 * as held (thread_count.c counts them).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "thread_count.h"

#define THREAD_KEEP 1024

size_t __sanitizer_get_current_allocated_bytes(void);
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
					      void (*free_hook)(const volatile void *));

static size_t before, peak;

/* After every allocation: the heap held now, the most so far. */
static void on_malloc(const volatile void *p, size_t size)
{
	(void)p;
	(void)size;
	size_t now = __sanitizer_get_current_allocated_bytes();
	size_t seen = __atomic_load_n(&peak, __ATOMIC_RELAXED);
	while (now > seen && !__atomic_compare_exchange_n(&peak, &seen, now, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

/* The sanitizer takes a pair of hooks or none. */
static void on_free(const volatile void *p)
{
	(void)p;
}

/* Called by cr_hooks.c's wrapper of the test's main, before the body. */
void grader_test_body_begins(void);
void grader_test_body_begins(void)
{
	static int hooked;
	if (!hooked)
		hooked = __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free) != 0;
	before = __sanitizer_get_current_allocated_bytes();
	__atomic_store_n(&peak, before, __ATOMIC_RELAXED);
	__atomic_store_n(&grader_threads_started, 0, __ATOMIC_RELAXED);
}

/* Before the real teardown: it tells the runner the test ended, and the
 * runner takes the test's output then (cr_hooks.c, POST_FINI). */
void __real_criterion_internal_test_teardown(void);
void __wrap_criterion_internal_test_teardown(void)
{
	size_t after = __sanitizer_get_current_allocated_bytes();
	size_t most = __atomic_load_n(&peak, __ATOMIC_RELAXED);
	long long held = (long long)after - (long long)before;
	long long keep = (long long)THREAD_KEEP * __atomic_load_n(&grader_threads_started, __ATOMIC_RELAXED);
	char line[96];
	int n = snprintf(line, sizeof(line), "\n==grader-heap== %lld %lld\n",
			 held > keep ? held : held > 0 ? 0LL : held, most > before ? (long long)(most - before) : 0LL);
	if (n > 0 && write(2, line, (size_t)n) < 0)
		line[0] = '\0';
	__real_criterion_internal_test_teardown();
}
