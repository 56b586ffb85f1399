/* report_text.c - the terminal report students read */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/escape.h"
#include "grade.h"
#include "util.h"
#include "report/report.h"

struct style {
	const char *bold, *red, *green, *yellow, *dim, *off;
};

static const struct style plain = { "", "", "", "", "", "" };
static const struct style ansi = { "\033[1m", "\033[31m", "\033[32m", "\033[33m", "\033[2m", "\033[0m" };

static const char *colour_of(const struct style *st, enum status s)
{
	switch (s) {
	case ST_PASS:
		return st->green;
	case ST_FAIL:
		return st->red;
	case ST_INCONCLUSIVE:
	case ST_ERROR:
		return st->yellow;
	default:
		return st->dim;
	}
}

static void check_line(FILE *out, const struct style *st, const char *name, enum status s, const char *reason)
{
	fprintf(out, "  %-11s %s%-12s%s ", name, colour_of(st, s), status_name(s), st->off);
	term_text(out, reason ? reason : "");
	fputc('\n', out);
}

/* Prints at most max lines of text, indented. */
static void indented(FILE *out, const char *text, const char *indent, int max)
{
	int lines = 0;
	for (const char *p = text; p && *p && lines < max; lines++) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		char line[512];
		snprintf(line, sizeof(line), "%.*s", (int)(len < 500 ? len : 500), p);
		fputs(indent, out);
		term_text(out, line);
		fputc('\n', out);
		p = eol ? eol + 1 : NULL;
		if (lines + 1 == max && p && *p)
			fprintf(out, "%s...\n", indent);
	}
}

static void report_build(FILE *out, const struct style *st, const struct exercise_result *r)
{
	check_line(out, st, "build", r->build.status, r->build.status == ST_PASS ? "compiled" : r->build.reason);
	if (r->build.status != ST_PASS && r->build.log && *r->build.log)
		indented(out, r->build.log, "      ", 20);
	else if (r->build.nr_diags) {
		for (size_t i = 0; i < r->build.nr_diags && i < 5; i++) {
			const struct diagnostic *d = &r->build.diags[i];
			fputs("      ", out);
			term_text(out, d->loc.file);
			fprintf(out, ":%u:%u: ", d->loc.line, d->column);
			term_text(out, d->severity);
			fputs(": ", out);
			term_text(out, d->message);
			fputc('\n', out);
		}
		if (r->build.nr_diags > 5)
			fprintf(out, "      and %zu more compiler messages (see the JSON report)\n",
				r->build.nr_diags - 5);
	}
}

static void report_tests(FILE *out, const struct style *st, const struct exercise_result *r, int verbose)
{
	const struct tests_result *t = &r->tests;
	char summary[128];
	if (t->status == ST_SKIPPED) {
		check_line(out, st, "tests", t->status, t->reason);
		return;
	}
	snprintf(summary, sizeof(summary), "%zu of %zu passed", t->passed, t->total);
	check_line(out, st, "tests", t->status, t->status == ST_PASS || !t->reason ? summary : t->reason);
	for (size_t i = 0; i < t->nr_cases; i++) {
		const struct test_case *c = &t->cases[i];
		if (c->status == CASE_PASSED && !verbose)
			continue;
		fprintf(out, "      %s%s%s ", c->status == CASE_PASSED ? st->green : st->red,
			c->status == CASE_PASSED ? "ok  " : "FAIL", st->off);
		term_text(out, c->name);
		if (c->status != CASE_PASSED) {
			if (c->status != CASE_FAILED)
				fprintf(out, " (%s)", case_status_name(c->status));
			if (!c->hidden && c->message) {
				fputs(": ", out);
				term_text(out, c->message);
			}
			if (!c->hidden && c->loc.file) {
				fprintf(out, " %s[", st->dim);
				term_text(out, c->loc.file);
				fprintf(out, ":%u]%s", c->loc.line, st->off);
			}
			if (c->hidden)
				fputs(" (hidden test)", out);
		}
		fputc('\n', out);
		if (c->status != CASE_PASSED && !c->hidden && c->output) {
			fprintf(out, "        %sit printed:%s\n", st->dim, st->off);
			indented(out, c->output, "          | ", 12);
		}
	}
}

/* A check that passed but earns nothing, because the tests fail: it says
 * so rather than "pass" (a stub that returns at once is O(1) and
 * allocates nothing). */
static int not_earned(const struct exercise_result *r, enum check c, enum status s)
{
	return (s == ST_PASS || s == ST_INCONCLUSIVE) && r->tests.status != ST_PASS && r->spec->points[c] > 0 &&
	       r->points[c] == 0;
}

static void earned_line(FILE *out, const struct style *st, const struct exercise_result *r, enum check c,
			const char *name, enum status s, const char *reason)
{
	if (!not_earned(r, c, s)) {
		check_line(out, st, name, s, reason);
		return;
	}
	fprintf(out, "  %-11s %s%-12s%s ", name, st->yellow, "not earned", st->off);
	fprintf(out, "%g points once every test passes (%zu of %zu pass); the check alone: ", r->spec->points[c],
		r->tests.passed, r->tests.total);
	term_text(out, reason ? reason : status_name(s));
	fputc('\n', out);
}

static void report_complexity(FILE *out, const struct style *st, const struct exercise_result *r)
{
	const struct complexity_result *c = &r->complexity;
	earned_line(out, st, r, CHECK_COMPLEXITY, "complexity", c->status, c->reason);
	if (c->status == ST_SKIPPED)
		return;
	if (c->reading)
		indented(out, c->reading, "      ", 5);
	if (!c->nr_points)
		return;
	fprintf(out, "      %s%10s  %16s  %8s%s\n", st->dim, "n",
		c->meter == METER_INSTRUCTIONS ? "instructions" : "CPU ns", "x prev", st->off);
	for (size_t i = 0; i < c->nr_points; i++) {
		fprintf(out, "      %10zu  %16.0f", c->points[i].n, c->points[i].cost);
		if (i)
			fprintf(out, "  %8.2f", c->points[i].cost / (c->points[i - 1].cost > 0 ? c->points[i - 1].cost : 1));
		fputc('\n', out);
	}
	if (c->stopped_at)
		fprintf(out, "      %10zu      (%s)\n", c->stopped_at, report_stop_words(c));
	if (c->fitted) {
		fprintf(out, "      best fit %s (error %.1f%%)", fit_class_name(c->measured),
			100 * c->fit.models[c->measured].rel_rms);
		if (c->runner_up != FIT_NONE)
			fprintf(out, ", runner-up %s (error %.1f%%)", fit_class_name(c->runner_up),
				100 * c->fit.models[c->runner_up].rel_rms);
		fprintf(out, "; claimed %s\n", fit_class_name(c->claim));
	}
}

static void report_memory(FILE *out, const struct style *st, const struct exercise_result *r)
{
	const struct memory_result *m = &r->memory;
	earned_line(out, st, r, CHECK_MEMORY, "memory", m->status, m->reason);
	if (m->status == ST_SKIPPED)
		return;
	for (size_t i = 0; i < m->nr_leaks && i < 5; i++) {
		char *line = report_leak_line(&m->leaks[i]);
		fputs("      leak: ", out);
		term_text(out, line);
		fputc('\n', out);
		free(line);
	}
	if (m->nr_leaks > 5)
		fprintf(out, "      and %zu more leak%s (see the JSON report)\n", m->nr_leaks - 5,
			m->nr_leaks - 5 == 1 ? "" : "s");
	for (size_t i = 0; i < m->nr_errors && i < 5; i++) {
		char *line = report_error_line(&m->errors[i]);
		fputs("      error: ", out);
		term_text(out, line);
		fputc('\n', out);
		free(line);
	}
	if (m->nr_errors > 5)
		fprintf(out, "      and %zu more error%s (see the JSON report)\n", m->nr_errors - 5,
			m->nr_errors - 5 == 1 ? "" : "s");
}

void report_text(FILE *out, const struct grade *g, int colour, int verbose)
{
	const struct style *st = colour ? &ansi : &plain;

	fprintf(out, "%sTopic ", st->bold);
	term_text(out, g->spec->topic);
	if (g->spec->title) {
		fputs(": ", out);
		term_text(out, g->spec->title);
	}
	fprintf(out, "%s\n", st->off);
	/* A folder name is the student's choice too: escaped like their output. */
	if (g->submission) {
		fprintf(out, "%ssubmission: ", st->dim);
		term_text(out, g->submission);
		fprintf(out, "%s\n", st->off);
	}
	if (g->notes) {
		fprintf(out, "%snote: ", st->yellow);
		term_text(out, g->notes);
		fprintf(out, "%s\n", st->off);
	}
	/* A folder with no .c file at all: the note says it once. (A folder
	 * with other files still lists each missing exercise.) */
	int none = g->no_sources && g->nr_exercises > 0;
	for (size_t i = 0; i < g->nr_exercises; i++)
		none &= !g->exercises[i].source && g->exercises[i].build.status == ST_FAIL;
	for (size_t i = 0; i < g->nr_exercises && !none; i++) {
		const struct exercise_result *r = &g->exercises[i];
		fprintf(out, "\n%s%-50s %6.1f / " SCORE_FMT "%s\n", st->bold, r->spec->name, r->score,
			r->max_score, st->off);
		if (r->ungraded > 0)
			fprintf(out, "  %sincomplete: " SCORE_FMT " more points could not be graded (an error of the grader, the machine or the course, not yours)%s\n",
				st->yellow, r->ungraded, st->off);
		if (r->tests.status == ST_FAIL && r->build.status == ST_PASS)
			fprintf(out, "  %s(complexity and memory earn points once every test passes)%s\n", st->dim, st->off);
		report_build(out, st, r);
		report_tests(out, st, r, verbose);
		if (r->spec->has_complexity)
			report_complexity(out, st, r);
		if (r->spec->has_memory)
			report_memory(out, st, r);
	}
	fprintf(out, "\n%sScore: " SCORE_FMT " / " SCORE_FMT "%s  %s(%.1f s)%s\n", st->bold, g->score, g->max_score,
		st->off, st->dim, g->seconds, st->off);
	if (grade_incomplete(g))
		fprintf(out, "%sIncomplete: " SCORE_FMT " more points could not be graded; the errors above say why and what fixes them. Not held against you: grade again once fixed.%s\n",
			st->yellow, g->ungraded, st->off);
}

void report_timings(FILE *out, const struct grade *g)
{
	double phase[CHECK_COUNT] = { 0 }, child = 0, busy = 0;

	fprintf(out, "%-24s %8s %8s %8s %10s %8s %8s %s\n", "exercise", "build", "tests", "growth",
		"memory", "total", "own", "");
	for (size_t i = 0; i < g->nr_exercises; i++) {
		const struct exercise_result *r = &g->exercises[i];
		fprintf(out, "%-24s", r->spec->name);
		for (int c = 0; c < CHECK_COUNT; c++) {
			fprintf(out, " %*.2f", c == CHECK_MEMORY ? 10 : 8, r->phase_seconds[c]);
			phase[c] += r->phase_seconds[c];
		}
		fprintf(out, " %8.2f %8.2f%s\n", r->seconds, r->seconds - r->child_seconds,
			r->cached ? " (cached)" : "");
		child += r->child_seconds;
		busy += r->seconds;
	}
	fprintf(out, "%-24s", "sum");
	for (int c = 0; c < CHECK_COUNT; c++)
		fprintf(out, " %*.2f", c == CHECK_MEMORY ? 10 : 8, phase[c]);
	fprintf(out, " %8.2f %8.2f\n", busy, busy - child);
	if (child == 0)
		fprintf(out, "wall %.2f s: every result reused from the cache (nothing changed)\n", g->seconds);
	else
		fprintf(out, "wall %.2f s; the grader's own work (wall time not spent waiting for the programs it runs): %.2f s, %.1f%%\n",
			g->seconds, busy - child, busy > 0 ? 100 * (busy - child) / busy : 0);
}
