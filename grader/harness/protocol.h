/* protocol.h - what the grader and its harness (runner, test hooks) agree on
 *
 * Both sides include this header: the runner and the Criterion hooks when
 * they end a run or write a record, the grader when it reads one. Change a
 * value here and both sides change with it.
 */
#ifndef GRADER_PROTOCOL_H
#define GRADER_PROTOCOL_H

#include <stddef.h>

/* The code under test called exit(), _exit(), abort() or the like: the
 * harness wrote an "exit HOW STATUS" record and ended the process. */
#define PROTOCOL_EXIT_ENDED 86
/* bench_alloc() or bench_calloc() could not allocate the input. */
#define PROTOCOL_EXIT_NO_INPUT 71
/* The runner could not write its record file. */
#define PROTOCOL_EXIT_NO_RECORD 74
/* The runner's time-budget alarm could not write its record. */
#define PROTOCOL_EXIT_ALARM 75
/* The runner was called with bad arguments. */
#define PROTOCOL_EXIT_USAGE 64
/* The runner could not install its system-call filter (harness/lockdown.c)
 * and did not run the submission: a fault of the machine, not the code. */
#define PROTOCOL_EXIT_LOCKDOWN 78

/* A test's time limit is processor time: the harness kills a worker that
 * used more than its limit of the CPU, so a busy machine, which slows the
 * clock's view of a test and not its CPU time, cannot make a test time out.
 * The clock still bounds a test that waits or sleeps (and so uses little
 * CPU): at this many times its limit. */
#define PROTOCOL_WALL_FACTOR 4
/* How a test's worker was stopped: the last field of a "timeout" record. */
enum protocol_timeout {
	PROTOCOL_TIMEOUT_CLOCK,   /* it outlived Criterion's clock timeout, signals blocked */
	PROTOCOL_TIMEOUT_CPU,     /* it used its limit of CPU time */
	PROTOCOL_TIMEOUT_WAITING, /* past its limit on the clock, its CPU time standing still */
};

/* The most sizes one ladder may have: lint refuses more, the runner reads
 * no more. */
#define PROTOCOL_MAX_SIZES 64

/* Size n of a ladder as the runner runs it: n less up to a sixteenth of
 * it (at least 0 or 1), drawn from the seed, never a power of two from 4
 * up, above the size run before it (prev) and never above n, so that a
 * size limit such as fib's 93 still holds. The sizes measured are then not
 * all of one form (powers of two, say) that code under test could
 * recognise; the grader computes the same sizes to check what it reads. */
static inline size_t protocol_jitter(size_t n, unsigned long long seed, size_t prev)
{
	if (n < 4)
		return n;
	/* splitmix64, one step */
	unsigned long long z = (seed ^ 0x6a09e667f3bcc909ull ^ ((unsigned long long)n * 0x9e3779b97f4a7c15ull)) +
			       0x9e3779b97f4a7c15ull;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	z ^= z >> 31;
	size_t span = n / 16 > 2 ? n / 16 : 2;
	size_t m = n - (size_t)(z % span);
	if (m && !(m & (m - 1)))
		m--;
	if (m <= prev)
		m = prev + 1 < n ? prev + 1 : n;
	if (m && !(m & (m - 1)) && m < n)
		m++;
	return m;
}

/* The tests' sanitizer build reports each test's heap on the test's own
 * output (harness/san_hooks.c), in lines that begin with the run's key:
 * PROTOCOL_REPORT_MARK formatted with the key, then "heap HELD PEAK" or
 * "input N USED". The grader makes the key (memtests.c) and gives it in
 * the environment variable PROTOCOL_REPORT_KEY_ENV; the runner keeps the
 * lines that begin so past the output's cap (cr_hooks.c), adding
 * PROTOCOL_REPORT_OVERFLOW when there were more than it keeps. A key is
 * shorter than PROTOCOL_KEY_SIZE. */
#define PROTOCOL_REPORT_KEY_ENV "GRADER_REPORT_KEY"
#define PROTOCOL_KEY_SIZE 40
#define PROTOCOL_REPORT_MARK "==grader-%s== "
#define PROTOCOL_REPORT_OVERFLOW "==grader-overflow=="

#endif
