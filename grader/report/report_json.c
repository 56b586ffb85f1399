/* report_json.c - the JSON report (schema in docs/json-schema.md) */
#include <math.h>
#include <stdio.h>

#include "report/escape.h"
#include "grade.h"
#include "util.h"
#include "report/report.h"

static void location(FILE *out, const struct location *l)
{
	if (!l->file) {
		fputs("null", out);
		return;
	}
	fputs("{\"file\": ", out);
	json_string(out, l->file);
	fprintf(out, ", \"line\": %u}", l->line);
}

static void number_or_null(FILE *out, long long v)
{
	if (v < 0)
		fputs("null", out);
	else
		fprintf(out, "%lld", v);
}

static void build(FILE *out, const struct build_result *b)
{
	fprintf(out, "{\"status\": \"%s\", \"reason\": ", status_name(b->status));
	json_string(out, b->reason);
	fputs(", \"log\": ", out);
	json_string(out, b->log);
	fputs(", \"diagnostics\": [", out);
	for (size_t i = 0; i < b->nr_diags; i++) {
		const struct diagnostic *d = &b->diags[i];
		fprintf(out, "%s{\"file\": ", i ? ", " : "");
		json_string(out, d->loc.file);
		fprintf(out, ", \"line\": %u, \"column\": %u, \"severity\": ", d->loc.line, d->column);
		json_string(out, d->severity);
		fputs(", \"message\": ", out);
		json_string(out, d->message);
		fputc('}', out);
	}
	fprintf(out, "], \"fault\": %s}",
		b->status != ST_ERROR ? "null" : b->course_fault ? "\"course\"" : "\"grader\"");
}

static void tests(FILE *out, const struct tests_result *t)
{
	fprintf(out, "{\"status\": \"%s\", \"passed\": %zu, \"total\": %zu, \"reason\": ",
		status_name(t->status), t->passed, t->total);
	json_string(out, t->reason);
	fputs(", \"cases\": [", out);
	for (size_t i = 0; i < t->nr_cases; i++) {
		const struct test_case *c = &t->cases[i];
		fprintf(out, "%s{\"name\": ", i ? ", " : "");
		json_string(out, c->name);
		fprintf(out, ", \"status\": \"%s\", \"hidden\": %s, \"message\": ", case_status_name(c->status),
			c->hidden ? "true" : "false");
		json_string(out, c->hidden ? NULL : c->message);
		fputs(", \"location\": ", out);
		if (c->hidden)
			fputs("null", out);
		else
			location(out, &c->loc);
		/* A passing test's printing is noise; a hidden test's could
		 * tell its input. */
		int shown = !c->hidden && c->status != CASE_PASSED;
		fputs(", \"output\": ", out);
		json_string(out, shown ? c->output : NULL);
		fputs(", \"crash_location\": ", out);
		json_string(out, shown ? c->crash_at : NULL);
		fprintf(out, ", \"signal\": %d, \"seconds\": %.6f}", c->signal, c->seconds);
	}
	fputs("]}", out);
}

static void class_or_null(FILE *out, enum fit_class c)
{
	if (c == FIT_NONE)
		fputs("null", out);
	else
		json_string(out, fit_class_name(c));
}

static void complexity(FILE *out, const struct complexity_result *c, int checked)
{
	fprintf(out, "{\"status\": \"%s\", \"claim\": ", status_name(c->status));
	class_or_null(out, checked ? c->claim : FIT_NONE);
	fputs(", \"measured\": ", out);
	class_or_null(out, c->measured);
	fputs(", \"runner_up\": ", out);
	class_or_null(out, c->runner_up);
	fprintf(out, ", \"meter\": \"%s\", \"reason\": ", c->meter == METER_TIME ? "time" : "instructions");
	json_string(out, c->reason);
	fputs(", \"reading\": ", out);
	json_string(out, c->reading);
	fputs(", \"stopped_at\": ", out);
	if (c->stopped_at)
		fprintf(out, "%zu", c->stopped_at);
	else
		fputs("null", out);
	fprintf(out, ", \"threaded\": %s, \"family\": ", c->threaded ? "true" : "false");
	json_string(out, c->family);
	fputs(", \"hot_line\": ", out);
	if (c->hot.file) {
		fputs("{\"file\": ", out);
		json_string(out, c->hot.file);
		fprintf(out, ", \"line\": %u, \"growth\": %.3f, \"share\": %.3f, \"from_n\": %zu, \"to_n\": %zu, \"lines\": [",
			c->hot.line, c->hot.growth, c->hot.share, c->hot.n0, c->hot.n1);
		for (size_t i = 0; i < c->hot.nr_costs; i++) {
			const struct hot_cost *l = &c->hot.costs[i];
			fprintf(out, "%s{\"line\": %u, \"count\": %.0f, \"growth\": ", i ? ", " : "", l->line, l->cost);
			if (isnan(l->growth))
				fputs("null}", out);
			else
				fprintf(out, "%.3f}", l->growth);
		}
		fputs("]}", out);
	} else {
		fputs("null", out);
	}
	fputs(", \"points\": [", out);
	for (size_t i = 0; i < c->nr_points; i++)
		fprintf(out, "%s{\"n\": %zu, \"cost\": %.0f}", i ? ", " : "", c->points[i].n, c->points[i].cost);
	fputs("], \"fits\": [", out);
	if (c->fitted) {
		int first = 1;
		for (int k = 0; k < FIT_NR_CLASSES; k++) {
			const struct fit_model *m = &c->fit.models[k];
			if (!m->valid)
				continue;
			fprintf(out, "%s{\"class\": ", first ? "" : ", ");
			json_string(out, fit_class_name((enum fit_class)k));
			fprintf(out, ", \"a\": %.6g, \"b\": %.6g, \"rel_rms\": %.6g", m->a, m->b, m->rel_rms);
			if (k == FIT_EXP)
				fprintf(out, ", \"base\": %.6g", m->base);
			fputc('}', out);
			first = 0;
		}
	}
	fputs("], \"exponent\": ", out);
	if (c->fitted)
		fprintf(out, "%.4g", c->fit.exponent);
	else
		fputs("null", out);
	fputc('}', out);
}

static void memory(FILE *out, const struct memory_result *m, int races_checked)
{
	fprintf(out, "{\"status\": \"%s\", \"n\": %zu, \"peak_heap_bytes\": ", status_name(m->status), m->n);
	number_or_null(out, m->status == ST_SKIPPED ? -1 : m->peak_heap);
	fputs(", \"budget_bytes\": ", out);
	number_or_null(out, m->status == ST_SKIPPED ? -1 : m->heap_budget);
	fputs(", \"budget\": ", out);
	json_string(out, m->heap_budget_expr);
	fputs(", \"peak_site\": ", out);
	location(out, &m->peak_site);
	fputs(", \"peak_stack_bytes\": ", out);
	number_or_null(out, m->status == ST_SKIPPED ? -1 : m->peak_stack);
	fputs(", \"stack_budget_bytes\": ", out);
	number_or_null(out, m->status == ST_SKIPPED ? -1 : m->stack_budget);
	fprintf(out, ", \"leaked_bytes\": %lld, \"leaks\": [", m->leaked_bytes);
	for (size_t i = 0; i < m->nr_leaks; i++) {
		fprintf(out, "%s{\"kind\": ", i ? ", " : "");
		json_string(out, m->leaks[i].kind);
		fprintf(out, ", \"bytes\": %zu, \"blocks\": %zu, \"location\": ", m->leaks[i].bytes, m->leaks[i].blocks);
		location(out, &m->leaks[i].where);
		fputs(", \"test\": ", out);
		json_string(out, m->leaks[i].test);
		fputc('}', out);
	}
	fputs("], \"errors\": [", out);
	for (size_t i = 0; i < m->nr_errors; i++) {
		fprintf(out, "%s{\"what\": ", i ? ", " : "");
		json_string(out, m->errors[i].what);
		fputs(", \"location\": ", out);
		location(out, &m->errors[i].where);
		fputs(", \"detail\": ", out);
		json_string(out, m->errors[i].detail);
		fputs(", \"test\": ", out);
		json_string(out, m->errors[i].test);
		fprintf(out, ", \"found_by\": \"%s\"}",
			m->errors[i].found_by == FOUND_BY_SANITIZERS ? "sanitizers" : "memcheck");
	}
	fputs("], \"races\": ", out);
	if (m->status != ST_SKIPPED && races_checked)
		fprintf(out, "%zu", m->races);
	else
		fputs("null", out);
	fputs(", \"space\": ", out);
	if (m->status != ST_SKIPPED && m->space_claim != FIT_NONE && m->nr_space_points) {
		fputs("{\"claim\": ", out);
		class_or_null(out, m->space_claim);
		fputs(", \"measured\": ", out);
		class_or_null(out, m->space_measured);
		fputs(", \"points\": [", out);
		for (size_t i = 0; i < m->nr_space_points; i++)
			fprintf(out, "%s{\"n\": %zu, \"bytes\": %.0f}", i ? ", " : "", m->space_points[i].n,
				m->space_points[i].cost);
		fputs("], \"reading\": ", out);
		json_string(out, m->space_reading);
		fputc('}', out);
	} else {
		fputs("null", out);
	}
	fputs(", \"reason\": ", out);
	json_string(out, m->reason);
	fputc('}', out);
}

void report_json(FILE *out, const struct grade *g)
{
	fputs("{\"topic\": ", out);
	json_string(out, g->spec->topic);
	fputs(", \"title\": ", out);
	json_string(out, g->spec->title);
	fputs(", \"submission\": ", out);
	json_string(out, g->submission);
	fprintf(out, ", \"score\": " SCORE_JSON ", \"max_score\": " SCORE_JSON ", \"incomplete\": %s, \"ungraded\": " SCORE_JSON
		", \"seconds\": %.3f, \"notes\": ", g->score, g->max_score,
		grade_incomplete(g) ? "true" : "false", g->ungraded, g->seconds);
	json_string(out, g->notes);
	fputs(", \"exercises\": [", out);
	for (size_t i = 0; i < g->nr_exercises; i++) {
		const struct exercise_result *r = &g->exercises[i];
		fprintf(out, "%s\n  {\"name\": ", i ? "," : "");
		json_string(out, r->spec->name);
		fprintf(out, ", \"score\": " SCORE_JSON ", \"max_score\": " SCORE_JSON ", \"ungraded\": " SCORE_JSON ", \"build\": ",
			r->score, r->max_score, r->ungraded);
		build(out, &r->build);
		fputs(", \"tests\": ", out);
		tests(out, &r->tests);
		fputs(", \"complexity\": ", out);
		complexity(out, &r->complexity, r->spec->has_complexity);
		fputs(", \"memory\": ", out);
		memory(out, &r->memory, r->spec->forbid_races);
		fputc('}', out);
	}
	fputs("\n]}\n", out);
}
