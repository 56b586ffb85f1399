/* grade.c - the result model's names, totals and lifetime */
#include "grade.h"

#include <stdlib.h>

#include "exitcode.h"

const char *status_name(enum status s)
{
	static const char *const names[] = { "pass", "fail", "inconclusive", "skipped" };
	return s <= ST_SKIPPED ? names[s] : "unknown";
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

int grade_exit_code(const struct grade *g)
{
	for (size_t i = 0; i < g->nr_exercises; i++)
		for (int c = 0; c < CHECK_COUNT; c++)
			if (exercise_status(&g->exercises[i], (enum check)c) == ST_FAIL)
				return EXIT_FAILED;
	return EXIT_PASSED;
}

void grade_total(struct grade *g)
{
	g->score = g->max_score = 0;
	for (size_t i = 0; i < g->nr_exercises; i++) {
		g->score += g->exercises[i].score;
		g->max_score += g->exercises[i].max_score;
	}
}

static void release_location(struct location *l)
{
	free(l->file);
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
	for (size_t i = 0; i < ex->tests.nr_cases; i++) {
		free(ex->tests.cases[i].name);
		free(ex->tests.cases[i].message);
		free(ex->tests.cases[i].output);
		free(ex->tests.cases[i].crash_at);
		release_location(&ex->tests.cases[i].loc);
	}
	free(ex->tests.cases);
	free(ex->tests.reason);
	free(ex->tests.output);
	free(ex->complexity.points);
	free(ex->complexity.reason);
	free(ex->complexity.reading);
	release_location(&ex->memory.peak_site);
	free(ex->memory.heap_budget_expr);
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
