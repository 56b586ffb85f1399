/* memtests.c - memory errors over the tests, at close to native speed
 *
 * memory.tests asks for the course's tests to be checked for invalid
 * accesses and leaks, which only an edge case may reach. One valgrind per
 * Criterion test is slow (seconds each); instead the tests' sanitizer build
 * (tests-san: AddressSanitizer and UBSan) runs once, natively, and each
 * test's report is read from its captured output. Leaks need memcheck:
 * each test prints the heap it still holds after its teardown
 * (harness/san_hooks.c), and only when some test holds memory, or a test's
 * line or report is missing (it ended early, or its output was tampered
 * with), does memcheck run over the tests as before. The report says which
 * tool found what.
 */
#include "memtests.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "expr.h"
#include "harness/protocol.h"
#include "sanitizer.h"
#include "spawn.h"
#include "tests.h"
#include "util.h"

/* The hooks' report lines begin with the run's key, made here, unknown to
 * the code under test (harness/protocol.h): "==grader-KEY== heap " and
 * "==grader-KEY== input ". */
static void make_marks(char *heap_mark, char *input_mark, size_t size, char *key, size_t key_size)
{
	unsigned char raw[12] = { 0 };
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || read(fd, raw, sizeof(raw)) != (ssize_t)sizeof(raw)) {
		/* Not secret, still distinct per run. */
		unsigned long long t = (unsigned long long)time(NULL) ^ ((unsigned long long)getpid() << 32);
		memcpy(raw, &t, sizeof(t));
	}
	if (fd >= 0)
		close(fd);
	for (size_t i = 0; i < sizeof(raw) && 2 * i + 2 < key_size; i++)
		snprintf(key + 2 * i, 3, "%02x", raw[i]);
	snprintf(heap_mark, size, PROTOCOL_REPORT_MARK "heap ", key);
	snprintf(input_mark, size, PROTOCOL_REPORT_MARK "input ", key);
}

/* What a call may hold above its budget at its n: the C library's own
 * buffers (a first printf's), the sanitizer's rounding. */
#define INPUT_SLACK ((long long)64 << 10)

/* Takes the findings of one test's report into out, named by the test. */
static void take(struct memory_result *out, struct sanitizer_report *rep, const char *test, size_t *alloc_errors)
{
	for (size_t i = 0; i < rep->nr_errors; i++) {
		struct mem_error *e = &rep->errors[i];
		ALLOC_GROW(out->errors, out->nr_errors + 1, *alloc_errors);
		e->found_by = FOUND_BY_SANITIZERS;
		e->test = xstrdup(test);
		out->errors[out->nr_errors++] = *e;
		memset(e, 0, sizeof(*e));
	}
	rep->nr_errors = 0;
}

/* The largest heap a test held after its teardown, from its output, and
 * the largest it held at once during its body (*peak); -1 when no line
 * says (the line was lost or never printed). Only lines with the run's
 * key count: the code under test cannot print one. */
static long long held_after(const char *output, const char *mark, long long *peak)
{
	long long most = -1;
	*peak = -1;
	for (const char *p = output ? strstr(output, mark) : NULL; p; p = strstr(p + 1, mark)) {
		char *end;
		long long v = strtoll(p + strlen(mark), &end, 10);
		long long top = strtoll(end, NULL, 10);
		if (v > most)
			most = v;
		if (top > *peak)
			*peak = top;
	}
	return most;
}

/* The calls of one test that named their input size (test_heap.h): each
 * group's most used against the budget at its largest n. The call that
 * went furthest over is kept in out, if any went over. */
static void inputs_check(const struct spec_exercise *ex, const char *output, const char *mark, const char *test,
			 struct memory_result *out, long long *worst)
{
	for (const char *p = output && ex->heap_budget ? strstr(output, mark) : NULL; p;
	     p = strstr(p + 1, mark)) {
		char *end;
		unsigned long long n = strtoull(p + strlen(mark), &end, 10);
		long long used = strtoll(end, NULL, 10);
		double budget;
		if (expr_eval(ex->heap_budget, (double)n, &budget))
			return;
		out->tests_inputs++;
		long long over = used - (long long)(budget < 0 ? 0 : budget) - INPUT_SLACK;
		if (over > 0 && over > *worst) {
			*worst = over;
			free(out->tests_input_test);
			out->tests_input_test = xstrdup(test);
			out->tests_input_n = (size_t)n;
			out->tests_input_used = used;
		}
	}
}

int memtests_run(const struct spec_exercise *ex, const char *build_dir, const char *dir,
		 struct memory_result *out, char **note)
{
	char *binary = path_join(build_dir, "tests-san");
	char **own = build_own_files(build_dir, ex->name);
	struct tests_result t;
	size_t alloc_errors = out->nr_errors;
	int suspect = 0;
	long long worst = 0;
	struct buf why = BUF_INIT;

	*note = NULL;
	if (!file_exists(binary)) {
		free(binary);
		strv_free(own);
		return -1;
	}
	memset(&t, 0, sizeof(t));
	/* The runner makes its workers' output files here, as the user the
	 * children run as. */
	if (mkdir_p(dir, 0755) || spawn_prepare_dir(dir)) {
		free(binary);
		strv_free(own);
		return -1;
	}
	char heap_mark[PROTOCOL_KEY_SIZE + 32], input_mark[PROTOCOL_KEY_SIZE + 32], key[PROTOCOL_KEY_SIZE];
	make_marks(heap_mark, input_mark, sizeof(heap_mark), key, sizeof(key));
	tests_run_sanitized(ex, binary, build_dir, dir, key, &t);
	if (t.status == ST_ERROR || !t.nr_cases) {
		suspect = 1;
		buf_adds(&why, "the sanitizer build of the tests did not run");
	}
	for (size_t i = 0; i < t.nr_cases; i++) {
		const struct test_case *c = &t.cases[i];
		struct sanitizer_report rep;
		size_t found = sanitizer_parse(c->output ? c->output : "", c->output ? strlen(c->output) : 0, (const char *const *)own,
					       &rep);
		take(out, &rep, c->name, &alloc_errors);
		long long top;
		long long held = held_after(c->output, heap_mark, &top);
		inputs_check(ex, c->output, input_mark, c->name, out, &worst);
		/* More report lines than the hooks write: none is trusted. */
		if (c->output && strstr(c->output, "\n" PROTOCOL_REPORT_OVERFLOW "\n"))
			held = -1;
		if (top > out->tests_heap_peak) {
			out->tests_heap_peak = top;
			free(out->tests_heap_test);
			out->tests_heap_test = xstrdup(c->name);
		}
		/* A report that is gone, a test that ended before its teardown,
		 * or heap still held: memcheck decides. A test that failed
		 * stopped at its assertion, before freeing what it made: what
		 * it holds says nothing (its invalid accesses above still
		 * count). */
		/* The report lines are kept wherever they fall in the output
		 * (cr_hooks.c), and only lines with this run's key count: a
		 * passing test without them had its standard output and error
		 * closed or replaced by the code under test. */
		if (held < 0 && c->status == CASE_PASSED && !out->tests_report_lost)
			out->tests_report_lost = xstrdup(c->name);
		if (held != 0 && !found && c->status == CASE_PASSED) {
			if (!suspect)
				buf_addf(&why, held > 0 ? "%s held %lld bytes after its teardown"
						       : "%s did not report its heap", c->name, held);
			suspect = 1;
		}
		sanitizer_release(&rep);
	}
	if (suspect)
		*note = buf_detach(&why);
	buf_release(&why);
	tests_result_release(&t);
	free(binary);
	strv_free(own);
	return suspect;
}
