/* report_tap.c - TAP version 13: one test point per check and per test */
#include <stdio.h>

#include "report/escape.h"
#include "grade.h"
#include "util.h"
#include "report/report.h"

static size_t points_of(const struct exercise_result *r)
{
	return 1 + (r->tests.nr_cases ? r->tests.nr_cases : 1) + !!r->spec->has_complexity +
	       !!r->spec->has_memory;
}

/* "ok 3 - has_duplicates: memory", and the directive for a skip. */
static void point(FILE *out, size_t *n, int ok, const char *exercise, const char *what, const char *name,
		  const char *skip)
{
	fprintf(out, "%sok %zu - ", ok ? "" : "not ", ++*n);
	tap_text(out, exercise);
	fputs(": ", out);
	tap_text(out, what);
	if (name) {
		fputc(' ', out);
		tap_text(out, name);
	}
	if (skip) {
		fputs(" # SKIP ", out);
		tap_text(out, skip);
	}
	fputc('\n', out);
}

/* The YAML block after a point; values are JSON strings, which YAML reads
 * as double-quoted scalars. */
static void yaml_open(FILE *out, const char *severity, const char *message)
{
	fprintf(out, "  ---\n  severity: %s\n  message: ", severity);
	json_string(out, message ? message : "");
	fputc('\n', out);
}

static void yaml_at(FILE *out, const struct location *l)
{
	if (!l->file)
		return;
	fputs("  at:\n    file: ", out);
	json_string(out, l->file);
	fprintf(out, "\n    line: %u\n", l->line);
}

static void yaml_close(FILE *out)
{
	fputs("  ...\n", out);
}

/* A check that is one point: build, tests without cases, complexity,
 * memory. Returns 1 when it opened a YAML block, for the caller to add to
 * and close. */
static int check(FILE *out, size_t *n, const char *exercise, const char *what, enum status s,
		  const char *reason)
{
	/* An error is not ok for the run (it could not grade), and its
	 * severity says it is not the submission's fail. */
	point(out, n, s != ST_FAIL && s != ST_ERROR, exercise, what, NULL,
	      s == ST_SKIPPED ? (reason ? reason : "skipped") : NULL);
	if (s != ST_FAIL && s != ST_INCONCLUSIVE && s != ST_ERROR)
		return 0;
	yaml_open(out, status_name(s), reason);
	return 1;
}

static void exercise(FILE *out, size_t *n, const struct exercise_result *r)
{
	const char *name = r->spec->name;

	fprintf(out, "# ");
	tap_text(out, name);
	fprintf(out, ": " SCORE_FMT " / " SCORE_FMT "%s\n", r->score, r->max_score,
		r->ungraded > 0 ? " (incomplete: some checks could not be graded)" : "");

	if (check(out, n, name, "build", r->build.status, r->build.reason)) {
		fputs("  output: ", out);
		json_string(out, r->build.log);
		fputc('\n', out);
		if (r->build.nr_diags)
			yaml_at(out, &r->build.diags[0].loc);
		yaml_close(out);
	}

	if (!r->tests.nr_cases && check(out, n, name, "tests", r->tests.status, r->tests.reason))
		yaml_close(out);
	for (size_t i = 0; i < r->tests.nr_cases; i++) {
		const struct test_case *c = &r->tests.cases[i];
		point(out, n, c->status == CASE_PASSED, name, "test", c->name, NULL);
		if (c->status == CASE_PASSED)
			continue;
		if (c->hidden) {
			yaml_open(out, case_status_name(c->status), "hidden test");
		} else {
			yaml_open(out, case_status_name(c->status), c->message);
			yaml_at(out, &c->loc);
		}
		yaml_close(out);
	}

	if (r->spec->has_complexity) {
		const struct complexity_result *c = &r->complexity;
		if (check(out, n, name, "complexity", c->status, c->reason)) {
			if (c->fitted)
				fprintf(out, "  measured: \"%s\"\n  claimed: \"%s\"\n", fit_class_name(c->measured),
					fit_class_name(c->claim));
			if (c->nr_points) {
				fputs("  points:\n", out);
				for (size_t i = 0; i < c->nr_points; i++)
					fprintf(out, "    - {n: %zu, cost: %.0f}\n", c->points[i].n, c->points[i].cost);
			}
			yaml_close(out);
		}
	}

	if (r->spec->has_memory) {
		const struct memory_result *m = &r->memory;
		if (check(out, n, name, "memory", m->status, m->reason)) {
			if (m->nr_leaks)
				yaml_at(out, &m->leaks[0].where);
			else if (m->nr_errors)
				yaml_at(out, &m->errors[0].where);
			else
				yaml_at(out, &m->peak_site);
			if (m->peak_heap >= 0)
				fprintf(out, "  peak_heap_bytes: %lld\n", m->peak_heap);
			if (m->heap_budget >= 0)
				fprintf(out, "  budget_bytes: %lld\n", m->heap_budget);
			if (m->nr_leaks)
				fprintf(out, "  leaked_bytes: %lld\n", m->leaked_bytes);
			if (m->races)
				fprintf(out, "  data_races: %zu\n", m->races);
			if (m->space_claim != FIT_NONE && m->space_measured != FIT_NONE)
				fprintf(out, "  space_measured: \"%s\"\n  space_claimed: \"%s\"\n",
					fit_class_name(m->space_measured), fit_class_name(m->space_claim));
			yaml_close(out);
		}
	}
}

void report_tap(FILE *out, const struct grade *g)
{
	size_t total = 0, n = 0;
	for (size_t i = 0; i < g->nr_exercises; i++)
		total += points_of(&g->exercises[i]);
	fprintf(out, "TAP version 13\n1..%zu\n# ", total);
	tap_text(out, g->spec->topic);
	if (g->spec->title) {
		fputs(": ", out);
		tap_text(out, g->spec->title);
	}
	fputc('\n', out);
	for (size_t i = 0; i < g->nr_exercises; i++)
		exercise(out, &n, &g->exercises[i]);
	fprintf(out, "# score: " SCORE_FMT " / " SCORE_FMT "\n", g->score, g->max_score);
	if (grade_incomplete(g))
		fprintf(out, "# incomplete: " SCORE_FMT " more points could not be graded (errors above)\n", g->ungraded);
}
