/* tests.h - run an exercise's Criterion tests and account for every one */
#ifndef TESTS_H
#define TESTS_H

#include "context.h"
#include "grade.h"

/* Runs binary (built by build_exercise) in a fresh working folder run_dir,
 * each test isolated with ex's timeout, and fills out: one case per test
 * the binary declares, whatever the code under test prints or does. A
 * test that never reported fails as missing. */
void tests_run(const struct context *ctx, const struct spec_exercise *ex, const char *binary,
	       const char *build_dir, const char *run_dir, struct tests_result *out);

/* Where in the submission a crash happened: frames is the harness's line
 * "SIGNAL PC RET..." (harness/crash.h) from binary, built in build_dir.
 * Returns "has_duplicates.c:14 in has_duplicates()" for the innermost
 * frame (inlined calls included) in a submission file, else the innermost
 * in the course's files, said to be the course's (caller frees); NULL
 * when no frame is in either or addr2line cannot say. */
char *tests_crash_place(const char *binary, const char *build_dir, const char *frames);

/* 1 when no test of the run finished on its own: none passed or failed,
 * at least one ran out of time, and the rest never ran (or one crashed
 * when the run was stopped). The function under test does not end: its
 * growth and memory cannot be measured. */
int tests_none_finished(const struct tests_result *r);

/* Parses the hooks' records (harness/cr_hooks.c) in text into out's cases.
 * Returns 1 when the "end" record was seen. */
int tests_parse_records(const char *text, const struct spec_exercise *ex, struct tests_result *out);

/* As tests_run, for the sanitizer build of the tests (tests-san): no
 * address-space limit, five times the time. Only each test's output (the
 * sanitizers' reports) is of use in out; the verdicts are tests_run's.
 * key goes to the runner and its workers (GRADER_REPORT_KEY): the hooks
 * mark their report lines with it (harness/san_hooks.c). */
void tests_run_sanitized(const struct spec_exercise *ex, const char *binary, const char *build_dir,
			 const char *run_dir, const char *key, struct tests_result *out);

#endif
