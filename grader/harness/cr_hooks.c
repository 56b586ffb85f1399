/* cr_hooks.c - linked into every test binary: reports results to the grader
 *
 * Criterion runs each test in a worker process and these hooks in the
 * runner. The runner takes the result channel (fd GRADER_RESULT_FD) for
 * itself before any worker starts: it marks it close-on-exec and removes
 * the variable, so the code under test never holds the channel and cannot
 * write results. What tests print reaches only their captured output.
 *
 * Records, one per line, fields separated by tabs, text escaped (\t \n \\):
 *   plan  SUITE NAME                   every test that must report
 *   crash SUITE NAME SIGNAL            the worker died of a signal
 *   done  SUITE NAME STATUS TIMED_OUT EXIT ELAPSED FILE LINE MESSAGE
 *   end                                the runner finished
 *
 * Test timeouts: a test that declares none gets GRADER_TEST_TIMEOUT
 * (Criterion's --timeout does not reach tests without .timeout).
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <criterion/internal/ordered-set.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

static int result_fd = -1;

static void put(const char *s, size_t len)
{
	while (result_fd >= 0 && len) {
		ssize_t w = write(result_fd, s, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		len -= (size_t)w;
	}
}

static void put_field(const char *s)
{
	char tab = '\t';
	put(&tab, 1);
	for (; s && *s; s++) {
		if (*s == '\t')
			put("\\t", 2);
		else if (*s == '\n')
			put("\\n", 2);
		else if (*s == '\\')
			put("\\\\", 2);
		else
			put(s, 1);
	}
}

static void put_int_field(long long v)
{
	char num[32];
	snprintf(num, sizeof(num), "%lld", v);
	put_field(num);
}

static void put_end(void)
{
	put("\n", 1);
}

ReportHook(PRE_ALL)(struct criterion_test_set *set)
{
	const char *fd = getenv("GRADER_RESULT_FD");
	const char *timeout = getenv("GRADER_TEST_TIMEOUT");
	double seconds = timeout ? strtod(timeout, NULL) : 0;

	if (fd) {
		result_fd = atoi(fd);
		fcntl(result_fd, F_SETFD, FD_CLOEXEC);
		unsetenv("GRADER_RESULT_FD");
	}
	/* Workers of the same user cannot open this process's /proc files
	 * (and so its file descriptors) once it is not dumpable. */
	prctl(PR_SET_DUMPABLE, 0);

	FOREACH_SET(struct criterion_suite_set *s, set->suites) {
		FOREACH_SET(struct criterion_test *t, s->tests) {
			if (seconds > 0 && t->data && t->data->timeout <= 0)
				t->data->timeout = seconds;
			put("plan", 4);
			put_field(t->category);
			put_field(t->name);
			put_end();
		}
	}
}

ReportHook(TEST_CRASH)(struct criterion_test_stats *st)
{
	put("crash", 5);
	put_field(st->test->category);
	put_field(st->test->name);
	put_int_field(st->signal);
	put_end();
}

ReportHook(POST_TEST)(struct criterion_test_stats *st)
{
	const struct criterion_assert_stats *failed = NULL;
	char elapsed[32];

	for (const struct criterion_assert_stats *a = st->asserts; a; a = a->next)
		if (!a->passed)
			failed = a; /* the list is newest first: keep the earliest */
	snprintf(elapsed, sizeof(elapsed), "%.6f", st->elapsed_time);
	put("done", 4);
	put_field(st->test->category);
	put_field(st->test->name);
	put_int_field(st->test_status);
	put_int_field(st->timed_out);
	put_int_field(st->exit_code);
	put_field(elapsed);
	put_field(failed && failed->file ? failed->file : "");
	put_int_field(failed ? failed->line : 0);
	put_field(failed && failed->message ? failed->message : "");
	put_end();
}

ReportHook(POST_ALL)(struct criterion_global_stats *stats)
{
	(void)stats;
	put("end", 3);
	put_end();
}

/* The submission's calls to exit(), _exit(), _Exit(), quick_exit() and
 * abort() are renamed to these when it is linked for tests: ending the
 * test process would otherwise look like a passing test. */
void grader_exit(int status)
{
	cr_assert_fail("the code under test called exit(%d)", status);
	_exit(86);
}

void grader__exit(int status)
{
	cr_assert_fail("the code under test called _exit(%d)", status);
	_exit(86);
}

void grader__Exit(int status)
{
	cr_assert_fail("the code under test called _Exit(%d)", status);
	_exit(86);
}

void grader_quick_exit(int status)
{
	cr_assert_fail("the code under test called quick_exit(%d)", status);
	_exit(86);
}

void grader_abort(void)
{
	cr_assert_fail("the code under test called abort()");
	_exit(86);
}
