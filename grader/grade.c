/* grade.c - the result model's names, totals and lifetime */
#include "grade.h"

#include <math.h>
#include <stdlib.h>

#include "exitcode.h"

const char *status_name(enum status s)
{
	static const char *const names[] = { "pass", "fail", "inconclusive", "skipped", "error" };
	return s <= ST_ERROR ? names[s] : "unknown";
}

const char *case_status_name(enum case_status s)
{
	static const char *const names[] = { "passed", "failed", "crashed", "timed out", "exited", "missing" };
	return s <= CASE_MISSING ? names[s] : "unknown";
}

enum status exercise_status(const struct exercise_result *ex, enum check c)
{
	switch (c) {
	case CHECK_BUILD:
		return ex->build.status;
	case CHECK_TESTS:
		return ex->tests.status;
	case CHECK_COMPLEXITY:
		return ex->complexity.status;
	case CHECK_MEMORY:
		return ex->memory.status;
	default:
		return ST_SKIPPED;
	}
}

int exercise_course_fault(const struct exercise_result *ex, enum check c)
{
	/* Only the build compiles the course's files; what runs later is the
	 * submission's or the machine's. */
	return c == CHECK_BUILD && ex->build.status == ST_ERROR && ex->build.course_fault;
}

const char *exercise_reason(const struct exercise_result *ex, enum check c)
{
	switch (c) {
	case CHECK_BUILD:
		return ex->build.reason;
	case CHECK_TESTS:
		return ex->tests.reason;
	case CHECK_COMPLEXITY:
		return ex->complexity.reason;
	case CHECK_MEMORY:
		return ex->memory.reason;
	default:
		return NULL;
	}
}

int grade_exit_code(const struct grade *g)
{
	int code = EXIT_PASSED;
	for (size_t i = 0; i < g->nr_exercises; i++) {
		for (int c = 0; c < CHECK_COUNT; c++) {
			enum status s = exercise_status(&g->exercises[i], (enum check)c);
			if (s == ST_ERROR && !exercise_course_fault(&g->exercises[i], (enum check)c))
				return EXIT_INTERNAL;
			if (s == ST_ERROR)
				code = EXIT_COURSE;
			else if (s == ST_FAIL && code == EXIT_PASSED)
				code = EXIT_FAILED;
		}
	}
	return code;
}

double score_round(double v)
{
	return round(v * 10) / 10;
}

void exercise_score(struct exercise_result *r)
{
	const struct spec_exercise *ex = r->spec;
	double points[CHECK_COUNT] = { 0 };
	int graded[CHECK_COUNT];

	for (int c = 0; c < CHECK_COUNT; c++)
		graded[c] = exercise_status(r, (enum check)c) != ST_ERROR;
	/* Without a build there are no tests; without the tests' verdict
	 * there is no telling whether speed and memory count. */
	graded[CHECK_TESTS] &= graded[CHECK_BUILD];
	graded[CHECK_COMPLEXITY] &= graded[CHECK_TESTS];
	graded[CHECK_MEMORY] &= graded[CHECK_TESTS];

	if (r->tests.total && r->build.status == ST_PASS)
		points[CHECK_TESTS] = ex->points[CHECK_TESTS] * (double)r->tests.passed / (double)r->tests.total;
	/* Inconclusive is not held against the student: the data could not
	 * decide (or memory could not be measured in time, and nothing wrong
	 * was found), and the grader says so. Speed and memory are worth
	 * something only for a correct function: a stub that returns at once
	 * is O(1) and allocates nothing. */
	int correct = r->tests.status == ST_PASS;
	if (correct && (r->complexity.status == ST_PASS || r->complexity.status == ST_INCONCLUSIVE))
		points[CHECK_COMPLEXITY] = ex->points[CHECK_COMPLEXITY];
	if (correct && (r->memory.status == ST_PASS || r->memory.status == ST_INCONCLUSIVE))
		points[CHECK_MEMORY] = ex->points[CHECK_MEMORY];

	r->score = r->max_score = r->ungraded = 0;
	for (int c = CHECK_TESTS; c < CHECK_COUNT; c++) {
		r->points[c] = graded[c] ? score_round(points[c]) : 0;
		r->score += r->points[c];
		if (graded[c])
			r->max_score += ex->points[c];
		else
			r->ungraded += ex->points[c];
	}
	r->points[CHECK_BUILD] = 0;
}

void grade_total(struct grade *g)
{
	g->score = g->max_score = g->ungraded = 0;
	for (size_t i = 0; i < g->nr_exercises; i++) {
		g->score += g->exercises[i].score;
		g->max_score += g->exercises[i].max_score;
		g->ungraded += g->exercises[i].ungraded;
	}
}

int grade_incomplete(const struct grade *g)
{
	for (size_t i = 0; i < g->nr_exercises; i++)
		for (int c = 0; c < CHECK_COUNT; c++)
			if (exercise_status(&g->exercises[i], (enum check)c) == ST_ERROR)
				return 1;
	return 0;
}

static void release_location(struct location *l)
{
	free(l->file);
}

void tests_result_release(struct tests_result *t)
{
	for (size_t i = 0; i < t->nr_cases; i++) {
		free(t->cases[i].name);
		free(t->cases[i].message);
		free(t->cases[i].output);
		free(t->cases[i].crash_at);
		release_location(&t->cases[i].loc);
	}
	free(t->cases);
	free(t->reason);
	free(t->output);
}

void exercise_result_release(struct exercise_result *ex)
{
	free(ex->source);
	free(ex->build.log);
	free(ex->build.reason);
	for (size_t i = 0; i < ex->build.nr_diags; i++) {
		release_location(&ex->build.diags[i].loc);
		free(ex->build.diags[i].severity);
		free(ex->build.diags[i].message);
	}
	free(ex->build.diags);
	tests_result_release(&ex->tests);
	free(ex->complexity.points);
	free(ex->complexity.reason);
	free(ex->complexity.reading);
	free(ex->complexity.family);
	free(ex->complexity.hot.file);
	free(ex->complexity.hot.costs);
	release_location(&ex->memory.peak_site);
	free(ex->memory.heap_budget_expr);
	free(ex->memory.tests_heap_test);
	free(ex->memory.tests_input_test);
	free(ex->memory.tests_report_lost);
	free(ex->memory.stack_budget_expr);
	for (size_t i = 0; i < ex->memory.nr_leaks; i++) {
		free(ex->memory.leaks[i].kind);
		free(ex->memory.leaks[i].test);
		release_location(&ex->memory.leaks[i].where);
	}
	free(ex->memory.leaks);
	for (size_t i = 0; i < ex->memory.nr_errors; i++) {
		free(ex->memory.errors[i].what);
		free(ex->memory.errors[i].detail);
		free(ex->memory.errors[i].test);
		release_location(&ex->memory.errors[i].where);
	}
	free(ex->memory.errors);
	free(ex->memory.reason);
	free(ex->memory.space_points);
	free(ex->memory.space_reading);
}

void grade_release(struct grade *g)
{
	for (size_t i = 0; i < g->nr_exercises; i++)
		exercise_result_release(&g->exercises[i]);
	free(g->exercises);
	free(g->submission);
	free(g->notes);
	g->exercises = NULL;
	g->nr_exercises = 0;
}
