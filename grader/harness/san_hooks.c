/* san_hooks.c - the tests' second build, under AddressSanitizer and UBSan
 *
 * Linked only into tests-san (build.c), with the test's teardown wrapped
 * (-Wl,--wrap=criterion_internal_test_teardown); cr_hooks.c calls
 * grader_test_setup_begins() before each test's fixtures and
 * grader_test_body_begins() before its body. The sanitizers report invalid
 * accesses, use after free, double free and undefined behaviour on the
 * worker's stderr, which the hooks capture as the test's output (cr_hooks.c).
 * LeakSanitizer cannot run here (it stops the world with ptrace, which the
 * system-call filter refuses), so each worker prints the heap its test
 * still holds when its fixtures are gone (counted from before its .init,
 * to after its .fini), and the most its body held at once (its
 * peak, from a hook on every allocation), as a line the grader reads:
 *
 *   ==grader-KEY== heap HELD PEAK
 *
 * and, for the calls the test named the input size of (test_heap.h), the
 * most heap a call held at once above what was held when it began, the
 * calls grouped by n in steps of a fourth of a power of two (the largest
 * n and the most used in each group):
 *
 *   ==grader-KEY== input N USED
 *
 * KEY is the run's (cr_hooks.c takes it from the grader: protocol.h),
 * and wipes it from the environment): the code under test, which shares
 * the test's output, cannot write a line the grader takes for these
 * without reading the key from the process's memory, and lines of its own
 * cannot push these out of the record (cr_hooks.c keeps them past the
 * output's cap).
 *
 * A test that holds more when its body returns than before it is
 * suspect, and the grader confirms with memcheck; so is a test whose line
 * is missing (its output was tampered with, or it ended early). The C
 * library keeps a little of every thread it started (its thread-local
 * storage vector, with the cached stack, 352 bytes here): up to
 * THREAD_KEEP bytes per thread the test's body started are not counted
 * as held (thread_count.c counts them).
 */
#include <criterion/criterion.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "protocol.h"
#include "thread_count.h"

#define THREAD_KEEP 1024

extern char grader_report_key[PROTOCOL_KEY_SIZE];

size_t __sanitizer_get_current_allocated_bytes(void);
int __sanitizer_install_malloc_and_free_hooks(void (*malloc_hook)(const volatile void *, size_t),
					      void (*free_hook)(const volatile void *));

static size_t before, body, peak;

/* The call whose input size the test named: the heap when it began, the
 * most since. */
static size_t input_n, input_base, input_peak;
static int input_open;

/* Per group of n (0, then four per power of two): the largest n, the most
 * used. */
#define INPUT_GROUPS (1 + 4 * 64)
static struct {
	size_t n, used;
	int seen;
} inputs[INPUT_GROUPS];

static void raise_to(size_t *most, size_t now)
{
	size_t seen = __atomic_load_n(most, __ATOMIC_RELAXED);
	while (now > seen && !__atomic_compare_exchange_n(most, &seen, now, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

/* After every allocation: the heap held now, the most so far. */
static void on_malloc(const volatile void *p, size_t size)
{
	(void)p;
	(void)size;
	size_t now = __sanitizer_get_current_allocated_bytes();
	raise_to(&peak, now);
	if (__atomic_load_n(&input_open, __ATOMIC_RELAXED))
		raise_to(&input_peak, now);
}

static size_t group_of(size_t n)
{
	if (!n)
		return 0;
	int lg = 63 - __builtin_clzll((unsigned long long)n);
	size_t quarter = lg >= 2 ? (n >> (lg - 2)) & 3 : (n << (2 - lg)) & 3;
	return 1 + 4 * (size_t)lg + quarter;
}

void grader_input_ends(void);
void grader_input_ends(void)
{
	if (!__atomic_exchange_n(&input_open, 0, __ATOMIC_RELAXED))
		return;
	size_t most = __atomic_load_n(&input_peak, __ATOMIC_RELAXED);
	size_t used = most > input_base ? most - input_base : 0, g = group_of(input_n);
	if (input_n > inputs[g].n)
		inputs[g].n = input_n;
	if (used > inputs[g].used)
		inputs[g].used = used;
	inputs[g].seen = 1;
}

void grader_input_begins(size_t n);
void grader_input_begins(size_t n)
{
	grader_input_ends();
	input_n = n;
	input_base = __sanitizer_get_current_allocated_bytes();
	__atomic_store_n(&input_peak, input_base, __ATOMIC_RELAXED);
	__atomic_store_n(&input_open, 1, __ATOMIC_RELAXED);
}

/* The sanitizer takes a pair of hooks or none. */
static void on_free(const volatile void *p)
{
	(void)p;
}

/* What the test holds is counted from just before its first fixture's
 * .init (its suite's, else its own) to just after its last .fini, so a
 * fixture that allocates in .init and frees in .fini holds nothing, and
 * what the test framework allocates for its own messages around them is
 * left out. Called by cr_hooks.c's wrapper of the test's setup, which
 * runs that first .init after telling the runner the test began: this
 * worker's one test gets an .init that notes the heap first. */
static struct criterion_test_extra_data *init_owner;
static void (*first_init)(void);

/* Puts the fixture's own .init back first: a process that ran a second
 * test would otherwise find this function in its place. */
static void note_then_init(void)
{
	init_owner->init = first_init;
	before = __sanitizer_get_current_allocated_bytes();
	if (first_init)
		first_init();
}

void grader_test_setup_begins(void);
void grader_test_setup_begins(void)
{
	init_owner = criterion_current_suite->data ? criterion_current_suite->data : criterion_current_test->data;
	before = __sanitizer_get_current_allocated_bytes();
	first_init = init_owner->init;
	init_owner->init = note_then_init;
}

/* Called by cr_hooks.c's wrapper of the test's main, before the body: the
 * peak and the threads are the body's own. */
void grader_test_body_begins(void);
void grader_test_body_begins(void)
{
	static int hooked;
	if (!hooked)
		hooked = __sanitizer_install_malloc_and_free_hooks(on_malloc, on_free) != 0;
	body = __sanitizer_get_current_allocated_bytes();
	__atomic_store_n(&peak, body, __ATOMIC_RELAXED);
	__atomic_store_n(&grader_threads_started, 0, __ATOMIC_RELAXED);
}

static void report_heap(void)
{
	size_t after = __sanitizer_get_current_allocated_bytes();
	size_t most = __atomic_load_n(&peak, __ATOMIC_RELAXED);
	long long held = (long long)after - (long long)before;
	long long keep = (long long)THREAD_KEEP * __atomic_load_n(&grader_threads_started, __ATOMIC_RELAXED);
	char line[160];
	int n = snprintf(line, sizeof(line), "\n" PROTOCOL_REPORT_MARK "heap %lld %lld\n", grader_report_key,
			 held > keep ? held : held > 0 ? 0LL : held, most > body ? (long long)(most - body) : 0LL);
	if (n > 0 && write(2, line, (size_t)n) < 0)
		line[0] = '\0';
	grader_input_ends();
	for (size_t g = 0; g < INPUT_GROUPS; g++) {
		if (!inputs[g].seen)
			continue;
		n = snprintf(line, sizeof(line), PROTOCOL_REPORT_MARK "input %zu %zu\n", grader_report_key, inputs[g].n,
			     inputs[g].used);
		if (n > 0 && write(2, line, (size_t)n) < 0)
			break;
	}
}

/* The real teardown runs the test's .fini, then its suite's, then tells
 * the runner the test ended (the runner takes the test's output then:
 * cr_hooks.c, POST_FINI). The last of those finalisers is replaced, for
 * this worker's one test, by one that runs it and then reports: after
 * every fixture is gone, before the output is taken. A finaliser that
 * fails its own assertion never reaches the report: its line is missing,
 * and the grader asks memcheck. */
static void (*last_fini)(void);

static struct criterion_test_extra_data *fini_owner;

static void fini_then_report(void)
{
	fini_owner->fini = last_fini;
	if (last_fini)
		last_fini();
	report_heap();
}

void __real_criterion_internal_test_teardown(void);
void __wrap_criterion_internal_test_teardown(void)
{
	fini_owner = criterion_current_suite->data ? criterion_current_suite->data : criterion_current_test->data;
	last_fini = fini_owner->fini;
	fini_owner->fini = fini_then_report;
	__real_criterion_internal_test_teardown();
	fini_owner->fini = last_fini;
}
