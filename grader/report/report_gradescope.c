/* report_gradescope.c - Gradescope's results.json (/autograder/results/results.json)
 *
 * Every output is declared plain text, so Gradescope renders no markup a
 * submission printed. The top-level score is the grade; the entries' scores
 * add up to it exactly and show where it came from: one entry per check
 * (the tests' points in one, as scored), and each test listed with
 * nothing at stake.
 */
#include <stdio.h>
#include <stdlib.h>

#include "report/escape.h"
#include "grade.h"
#include "report/report.h"
#include "util.h"

/* A check that could not be graded (ST_ERROR) goes in with no points at
 * stake: max 0, so it cannot lower the student's total. */
static void test(FILE *out, int *first, const char *exercise, const char *name, double score, double max,
		 int passed, const char *output, const char *visibility)
{
	char *full = xasprintf("%s: %s", exercise, name);
	fprintf(out, "%s\n  {\"name\": ", *first ? "" : ",");
	json_string(out, full);
	fprintf(out, ", \"score\": " SCORE_JSON ", \"max_score\": " SCORE_JSON ", \"status\": \"%s\"", score_round(score), score_round(max),
		passed ? "passed" : "failed");
	if (output) {
		fputs(", \"output\": ", out);
		json_string(out, output);
	}
	fprintf(out, ", \"visibility\": \"%s\"}", visibility);
	*first = 0;
	free(full);
}

/* "earns its points once every test passes" when a check passed but the
 * tests did not: Gradescope would otherwise show a pass worth 0. */
static char *check_output(const struct exercise_result *r, enum check c, const char *reason, const char *more)
{
	struct buf b = BUF_INIT;
	enum status s = exercise_status(r, c);
	if (s == ST_ERROR)
		buf_adds(&b, "could not be graded (not held against you): ");
	buf_adds(&b, reason ? reason : status_name(s));
	if ((s == ST_PASS || s == ST_INCONCLUSIVE) && r->points[c] < r->spec->points[c])
		buf_adds(&b, "\n(earns its points once every test passes)");
	if (more && *more)
		buf_addf(&b, "\n%s", more);
	return buf_detach(&b);
}

static void exercise(FILE *out, int *first, const struct exercise_result *r)
{
	const char *name = r->spec->name;
	const struct tests_result *t = &r->tests;
	char *text;

	if (r->build.status == ST_PASS)
		text = xstrdup("compiled");
	else
		text = xasprintf("%s%s%s", r->build.reason ? r->build.reason : "does not build",
				 r->build.log && *r->build.log ? "\n" : "", r->build.log ? r->build.log : "");
	test(out, first, name, "build", 0, 0, r->build.status == ST_PASS, text, "visible");
	free(text);

	/* The tests' points in one entry, as scored (rounded once, so the
	 * entries add up to the total exactly); each test is listed beside it
	 * with nothing at stake, for its pass or fail and its message. */
	text = check_output(r, CHECK_TESTS, t->status == ST_PASS ? NULL : t->reason, NULL);
	if (t->status == ST_PASS) {
		free(text);
		text = xasprintf("%zu of %zu passed", t->passed, t->total);
	}
	test(out, first, name, "tests", r->points[CHECK_TESTS],
	     t->status == ST_ERROR || r->build.status == ST_ERROR ? 0 : r->spec->points[CHECK_TESTS],
	     t->status == ST_PASS, text, "visible");
	free(text);
	for (size_t i = 0; i < t->nr_cases; i++) {
		const struct test_case *c = &t->cases[i];
		int passed = c->status == CASE_PASSED;
		char *label = xasprintf("test %s", c->name);
		if (c->hidden) {
			test(out, first, name, label, 0, 0, passed, NULL, "after_published");
		} else {
			text = passed ? NULL
			     : c->loc.file ? xasprintf("%s: %s (%s:%u)", case_status_name(c->status),
						       c->message ? c->message : "", c->loc.file, c->loc.line)
			     : xasprintf("%s: %s", case_status_name(c->status), c->message ? c->message : "");
			test(out, first, name, label, 0, 0, passed, text, "visible");
			free(text);
		}
		free(label);
	}

	if (r->spec->has_complexity) {
		const struct complexity_result *c = &r->complexity;
		text = check_output(r, CHECK_COMPLEXITY, c->reason, c->reading);
		test(out, first, name, "complexity", r->points[CHECK_COMPLEXITY],
		     r->ungraded > 0 && c->status == ST_ERROR ? 0 : r->spec->points[CHECK_COMPLEXITY],
		     c->status == ST_PASS || c->status == ST_INCONCLUSIVE, text, "visible");
		free(text);
	}
	if (r->spec->has_memory) {
		const struct memory_result *m = &r->memory;
		struct buf more = BUF_INIT;
		for (size_t i = 0; i < m->nr_leaks; i++) {
			char *line = report_leak_line(&m->leaks[i]);
			buf_addf(&more, "%sleak: %s", more.len ? "\n" : "", line);
			free(line);
		}
		for (size_t i = 0; i < m->nr_errors; i++) {
			char *line = report_error_line(&m->errors[i]);
			buf_addf(&more, "%serror: %s", more.len ? "\n" : "", line);
			free(line);
		}
		if (m->races)
			buf_addf(&more, "%sdata races: %zu", more.len ? "\n" : "", m->races);
		if (m->space_reading)
			buf_addf(&more, "%s%s", more.len ? "\n" : "", m->space_reading);
		text = check_output(r, CHECK_MEMORY, m->reason, more.buf);
		test(out, first, name, "memory", r->points[CHECK_MEMORY],
		     r->ungraded > 0 && m->status == ST_ERROR ? 0 : r->spec->points[CHECK_MEMORY],
		     m->status == ST_PASS, text, "visible");
		free(text);
		buf_release(&more);
	}
}

void report_gradescope(FILE *out, const struct grade *g)
{
	struct buf summary = BUF_INIT;
	int first = 1;

	if (g->spec->title)
		buf_addf(&summary, "%s (%s): " SCORE_FMT " / " SCORE_FMT "\n", g->spec->title, g->spec->topic, g->score,
			 g->max_score);
	else
		buf_addf(&summary, "%s: " SCORE_FMT " / " SCORE_FMT "\n", g->spec->topic, g->score, g->max_score);
	if (grade_incomplete(g))
		buf_addf(&summary, "INCOMPLETE: " SCORE_FMT " more points could not be graded, for a fault of the grader, the machine or the course (not held against you); ask your instructor to grade again\n",
			 g->ungraded);
	for (size_t i = 0; i < g->nr_exercises; i++)
		buf_addf(&summary, "%s: " SCORE_FMT " / " SCORE_FMT "\n", g->exercises[i].spec->name, g->exercises[i].score,
			 g->exercises[i].max_score);
	if (g->notes)
		buf_addf(&summary, "note: %s\n", g->notes);

	fprintf(out, "{\"score\": " SCORE_JSON ", \"execution_time\": %.0f, \"output\": ", g->score, g->seconds);
	json_string(out, summary.buf);
	fputs(", \"output_format\": \"text\", \"test_output_format\": \"text\", \"tests\": [", out);
	for (size_t i = 0; i < g->nr_exercises; i++)
		exercise(out, &first, &g->exercises[i]);
	fputs("\n]}\n", out);
	buf_release(&summary);
}
