/* report_github.c - GitHub Actions annotations at the student's lines, and a job summary
 *
 * Annotations are workflow commands on stdout, one line each:
 *   ::error file=exercises/03_time_complexity/has_duplicates.c,line=18,title=...::message
 * Every value goes through escape.c's workflow_* rules, so a message cannot
 * end the command or start another one.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/escape.h"
#include "grade.h"
#include "report/report.h"
#include "util.h"

#define MAX_DIAGS 10 /* GitHub shows ten errors and ten warnings a step */

/* path relative to root, both made absolute first. A path outside root
 * gets ../ steps. Returns a new string. */
static char *relative_to(const char *path, const char *root)
{
	char cwd[PATH_MAX], *abs_p, *abs_r;
	struct buf b = BUF_INIT;

	if (!getcwd(cwd, sizeof(cwd)))
		return xstrdup(path);
	abs_p = abs_path(path);
	if (!abs_p)
		abs_p = *path == '/' ? xstrdup(path) : path_join(cwd, path);
	abs_r = abs_path(root ? root : cwd);
	if (!abs_r)
		abs_r = xstrdup(root ? root : cwd);

	/* The longest common prefix that ends at a path component. */
	size_t common = 0;
	for (size_t i = 0;; i++) {
		char p = abs_p[i], r = abs_r[i];
		if ((p == '/' || !p) && (r == '/' || !r))
			common = i;
		if (!p || !r || p != r)
			break;
	}
	if (abs_r[common] && !strcmp(abs_r, "/"))
		common = 0;
	for (const char *r = abs_r + common; *r; r++)
		if (*r == '/' && r[1])
			buf_adds(&b, "../");
	const char *rest = abs_p + common;
	while (*rest == '/')
		rest++;
	buf_adds(&b, rest);
	if (!b.len)
		buf_adds(&b, ".");
	free(abs_p);
	free(abs_r);
	return buf_detach(&b);
}

static int ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The line where source defines function name: the first line that holds
 * "name(" as a whole word at file scope (not indented, no ';' after it).
 * Returns 1 when the file cannot be read or has no such line. */
static unsigned function_line(const char *source, const char *name)
{
	struct buf text = BUF_INIT;
	unsigned line = 1, found = 0;
	size_t nl = strlen(name);

	if (!source || read_file(&text, source)) {
		buf_release(&text);
		return 1;
	}
	for (const char *p = text.buf; *p && !found; line++) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len && p[0] != ' ' && p[0] != '\t' && p[0] != '#' && p[0] != '/' && p[0] != '*') {
			for (const char *q = p; q + nl <= p + len && !found; q++) {
				if (strncmp(q, name, nl) || (q > p && ident_char(q[-1])))
					continue;
				const char *after = q + nl;
				while (after < p + len && (*after == ' ' || *after == '\t'))
					after++;
				if (after < p + len && *after == '(' && !memchr(after, ';', len - (size_t)(after - p)))
					found = line;
			}
		}
		p = eol ? eol + 1 : p + len;
	}
	buf_release(&text);
	return found ? found : 1;
}

/* ::level file=F,line=L[,col=C],title=T::message */
static void annotate(FILE *out, const char *level, const char *file, unsigned line, unsigned col,
		     const char *title, const char *message)
{
	const char *sep = "";
	fprintf(out, "::%s ", level);
	if (file) {
		fputs("file=", out);
		workflow_property(out, file);
		sep = ",";
		if (line) {
			fprintf(out, ",line=%u", line);
			if (col)
				fprintf(out, ",col=%u", col);
		}
	}
	fprintf(out, "%stitle=", sep);
	workflow_property(out, title);
	fputs("::", out);
	workflow_data(out, message && *message ? message : title);
	fputc('\n', out);
}

/* What one exercise's annotations share: where its file is, as the
 * repository knows it, and where its function starts. */
struct target {
	const struct exercise_result *r;
	char *path;        /* relative to the annotation root */
	const char *base;  /* has_duplicates.c: how the grade's locations name it */
	unsigned fn_line;
};

/* The line of l when it is in the student's file, else the function's. */
static unsigned line_of(const struct target *t, const struct location *l)
{
	return l->file && !strcmp(l->file, t->base) && l->line ? l->line : t->fn_line;
}

/* A check that could not be graded: an error of the run, not at the
 * student's code, so it carries no file. */
static void cannot_grade(FILE *out, const struct target *t, const char *check, enum status s, const char *reason)
{
	if (s != ST_ERROR)
		return;
	char *title = xasprintf("%s: %s could not be graded (not the submission's fault)", t->r->spec->name, check);
	annotate(out, "error", NULL, 0, 0, title, reason);
	free(title);
}

static void build(FILE *out, const struct target *t)
{
	const struct build_result *b = &t->r->build;
	size_t errors = 0, warnings = 0;
	char *title;
	for (size_t i = 0; i < b->nr_diags; i++) {
		const struct diagnostic *d = &b->diags[i];
		int is_error = !strcmp(d->severity, "error") || !strcmp(d->severity, "fatal error");
		if (!is_error && strcmp(d->severity, "warning"))
			continue;
		if (is_error ? errors++ >= MAX_DIAGS : warnings++ >= MAX_DIAGS)
			continue;
		title = xasprintf("%s: %s", t->r->spec->name, is_error ? "does not compile" : "compiler warning");
		annotate(out, is_error ? "error" : "warning", t->path, d->loc.line, d->column, title, d->message);
		free(title);
	}
	if (b->status == ST_FAIL && !errors) {
		title = xasprintf("%s: build", t->r->spec->name);
		annotate(out, "error", t->r->source ? t->path : NULL, 0, 0, title, b->reason);
		free(title);
	}
}

static void tests(FILE *out, const struct target *t)
{
	const struct tests_result *tr = &t->r->tests;
	char *title, *msg;
	if (tr->status == ST_FAIL && !tr->nr_cases) {
		title = xasprintf("%s: tests", t->r->spec->name);
		annotate(out, "error", t->path, t->fn_line, 0, title, tr->reason);
		free(title);
	}
	for (size_t i = 0; i < tr->nr_cases; i++) {
		const struct test_case *c = &tr->cases[i];
		if (c->status == CASE_PASSED)
			continue;
		title = xasprintf("%s: test %s %s", t->r->spec->name, c->name, case_status_name(c->status));
		if (c->hidden)
			msg = xasprintf("hidden test %s %s", c->name, case_status_name(c->status));
		else if (c->loc.file && strcmp(c->loc.file, t->base))
			msg = xasprintf("%s (%s:%u)", c->message ? c->message : case_status_name(c->status),
					c->loc.file, c->loc.line);
		else
			msg = xstrdup(c->message ? c->message : case_status_name(c->status));
		annotate(out, "error", t->path, c->hidden ? t->fn_line : line_of(t, &c->loc), 0, title, msg);
		free(title);
		free(msg);
	}
}

static void complexity(FILE *out, const struct target *t)
{
	const struct complexity_result *c = &t->r->complexity;
	if (c->status != ST_FAIL && c->status != ST_INCONCLUSIVE)
		return;
	char *title = xasprintf("%s: complexity%s", t->r->spec->name, c->status == ST_FAIL ? "" : " inconclusive");
	char *msg = c->reading ? xasprintf("%s\n%s", c->reason ? c->reason : "", c->reading)
			       : xstrdup(c->reason ? c->reason : "");
	annotate(out, c->status == ST_FAIL ? "error" : "notice", t->path, t->fn_line, 0, title, msg);
	free(title);
	free(msg);
}

static void memory(FILE *out, const struct target *t)
{
	const struct memory_result *m = &t->r->memory;
	const char *name = t->r->spec->name;
	int said = 0;
	char *title, *msg;
	if (m->status != ST_FAIL)
		return;
	for (size_t i = 0; i < m->nr_leaks && i < MAX_DIAGS; i++) {
		const struct leak *l = &m->leaks[i];
		if (l->kind && !strcmp(l->kind, "possibly lost"))
			continue;
		title = xasprintf("%s: memory leak", name);
		char *line = report_leak_line(l);
		msg = xasprintf("%s: allocated here and never freed", line);
		free(line);
		annotate(out, "error", t->path, line_of(t, &l->where), 0, title, msg);
		free(title);
		free(msg);
		said = 1;
	}
	for (size_t i = 0; i < m->nr_errors && i < MAX_DIAGS; i++) {
		const struct mem_error *e = &m->errors[i];
		title = xasprintf("%s: %s", name, e->what ? e->what : "memory error");
		msg = report_error_line(e);
		annotate(out, "error", t->path, line_of(t, &e->where), 0, title, msg);
		free(title);
		free(msg);
		said = 1;
	}
	if (!said || (m->heap_budget >= 0 && m->peak_heap > m->heap_budget)) {
		title = xasprintf("%s: memory", name);
		annotate(out, "error", t->path, line_of(t, &m->peak_site), 0, title, m->reason);
		free(title);
	}
}

void report_github(FILE *out, const struct grade *g, const char *root)
{
	for (size_t i = 0; i < g->nr_exercises; i++) {
		const struct exercise_result *r = &g->exercises[i];
		char *file = xasprintf("%s.c", r->spec->name);
		char *where = r->source ? xstrdup(r->source) : g->submission ? path_join(g->submission, file) : xstrdup(file);
		struct target t = { r, relative_to(where, root), file, 1 };
		t.fn_line = function_line(r->source, r->spec->name);

		build(out, &t);
		tests(out, &t);
		if (r->spec->has_complexity)
			complexity(out, &t);
		if (r->spec->has_memory)
			memory(out, &t);
		cannot_grade(out, &t, "build", r->build.status, r->build.reason);
		cannot_grade(out, &t, "tests", r->tests.status, r->tests.reason);
		cannot_grade(out, &t, "complexity", r->complexity.status, r->complexity.reason);
		cannot_grade(out, &t, "memory", r->memory.status, r->memory.reason);
		free(t.path);
		free(where);
		free(file);
	}
	fprintf(out, "::notice title=");
	workflow_property(out, g->spec->topic);
	fprintf(out, "::score " SCORE_FMT " / " SCORE_FMT "%s\n", g->score, g->max_score,
		grade_incomplete(g) ? " (incomplete: some checks could not be graded)" : "");
}

static const char *mark(enum status s)
{
	switch (s) {
	case ST_PASS:
		return "\xe2\x9c\x85"; /* white heavy check mark */
	case ST_FAIL:
		return "\xe2\x9d\x8c"; /* cross mark */
	case ST_INCONCLUSIVE:
		return "\xe2\x9a\xa0\xef\xb8\x8f"; /* warning sign */
	case ST_ERROR:
		return "\xe2\x9b\x94"; /* no entry: could not be graded */
	default:
		return "\xe2\x80\x94"; /* em dash: skipped or not checked */
	}
}

static void cell(FILE *out, enum status s, const char *text)
{
	fprintf(out, " %s ", mark(s));
	markdown_text(out, text ? text : status_name(s));
	fputs(" |", out);
}

void report_github_summary(FILE *out, const struct grade *g)
{
	fputs("### ", out);
	markdown_text(out, g->spec->topic);
	if (g->spec->title) {
		fputs(": ", out);
		markdown_text(out, g->spec->title);
	}
	fprintf(out, " \xe2\x80\x94 " SCORE_FMT " / " SCORE_FMT "%s\n\n", g->score, g->max_score,
		grade_incomplete(g) ? " (incomplete: some checks could not be graded)" : "");
	fputs("| exercise | score | build | tests | complexity | memory |\n|---|---|---|---|---|---|\n", out);
	for (size_t i = 0; i < g->nr_exercises; i++) {
		const struct exercise_result *r = &g->exercises[i];
		char passed[64];
		snprintf(passed, sizeof(passed), "%zu of %zu passed", r->tests.passed, r->tests.total);
		fputs("| ", out);
		markdown_text(out, r->spec->name);
		fprintf(out, " | " SCORE_FMT " / " SCORE_FMT " |", r->score, r->max_score);
		cell(out, r->build.status, r->build.status == ST_PASS ? "compiled" : r->build.reason);
		cell(out, r->tests.status, r->tests.nr_cases ? passed : r->tests.reason);
		cell(out, r->complexity.status, r->spec->has_complexity ? r->complexity.reason : "not checked");
		cell(out, r->memory.status, r->spec->has_memory ? r->memory.reason : "not checked");
		fputc('\n', out);
	}
	int header = 0;
	for (size_t i = 0; i < g->nr_exercises; i++) {
		const struct exercise_result *r = &g->exercises[i];
		for (size_t k = 0; k < r->tests.nr_cases; k++) {
			const struct test_case *c = &r->tests.cases[k];
			if (c->status == CASE_PASSED)
				continue;
			if (!header++)
				fputs("\n**Failing tests**\n\n", out);
			fputs("- ", out);
			markdown_text(out, c->name);
			fprintf(out, " (%s)", case_status_name(c->status));
			if (!c->hidden && c->message) {
				fputs(": ", out);
				markdown_text(out, c->message);
			}
			fputc('\n', out);
		}
	}
	if (g->notes) {
		fputs("\n_note: ", out);
		markdown_text(out, g->notes);
		fputs("_\n", out);
	}
	fputc('\n', out);
}
