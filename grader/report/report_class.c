/* report_class.c - a class at a glance: one HTML page and one JSON summary
 *
 * Both read only a struct roster (roster.h). The page is self-contained: no
 * scripts, no external assets; the students' table sorts by following a
 * link (three tables, one shown, chosen with CSS :target). Scores print
 * with one decimal, as in every other report.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/escape.h"
#include "report/report.h"
#include "util.h"

#define TOP_FAILS 10
#define HIST_BINS 10
/* Tests that take this many times the class's median for the exercise
 * (and at least a second) are worth a look: a shortcut, or a slow path the
 * benchmark does not reach. */
#define SLOW_FACTOR 10

static const char *const check_names[CHECK_COUNT] = { "build", "tests", "complexity", "memory" };

static const char style[] =
	"*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
	"color:#1f2328}main{max-width:1100px;margin:0 auto;padding:24px 28px 48px}"
	"h1{font-size:24px;margin:0}h2{font-size:19px;margin:28px 0 8px}.dim{color:#59636e;font-size:13px}"
	"table{border-collapse:collapse}td,th{padding:5px 10px;border-top:1px solid #d1d9e0;text-align:left;"
	"font-variant-numeric:tabular-nums}th{font-weight:600}td.n{text-align:right}"
	".bar{display:inline-block;height:10px;background:#1a7f37;vertical-align:middle}"
	".bar.fail{background:#cf222e}.bar.err{background:#8250df}"
	".cards{display:flex;gap:14px;flex-wrap:wrap;margin-top:12px}.card{border:1px solid #d1d9e0;border-radius:8px;"
	"padding:8px 14px}.card b{display:block;font-size:22px}"
	".sorted{display:none}.sorted:target{display:table}main:not(:has(.sorted:target)) #by-name{display:table}"
	"svg{display:block;max-width:100%;height:auto}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}";

static double pct(double part, double whole)
{
	return whole > 0 ? 100.0 * part / whole : 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct fail_count {
	size_t exercise;
	const char *test, *message;
	size_t count;
};

static int cmp_fail(const void *a, const void *b)
{
	const struct fail_count *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	if (x->exercise != y->exercise)
		return x->exercise < y->exercise ? -1 : 1;
	return strcmp(x->test, y->test);
}

/* Every distinct (exercise, test) that failed, with how many students it
 * failed for, most common first. Free the array (not the strings). */
static struct fail_count *count_fails(const struct roster *r, size_t *nr)
{
	struct fail_count *v = NULL;
	size_t n = 0, alloc = 0;
	for (size_t s = 0; s < r->count; s++)
		for (size_t i = 0; i < r->spec->nr_exercises; i++) {
			const struct roster_exercise *e = &r->students[s].ex[i];
			for (size_t k = 0; k < e->nr_fails; k++) {
				size_t j;
				for (j = 0; j < n; j++)
					if (v[j].exercise == i && !strcmp(v[j].test, e->fails[k].test))
						break;
				if (j == n) {
					ALLOC_GROW(v, n + 1, alloc);
					v[n].exercise = i;
					v[n].test = e->fails[k].test;
					v[n].message = e->fails[k].message;
					v[n].count = 0;
					n++;
				}
				v[j].count++;
			}
		}
	if (n)
		qsort(v, n, sizeof(*v), cmp_fail);
	*nr = n;
	return v;
}

/* Per exercise and check: how many students passed, failed, errored. */
struct rate {
	size_t pass, fail, error, counted;
};

static struct rate check_rate(const struct roster *r, size_t i, int c)
{
	struct rate t = { 0, 0, 0, 0 };
	for (size_t s = 0; s < r->count; s++) {
		enum status st = r->students[s].ex[i].status[c];
		const char *name = status_name(st);
		if (st == ST_SKIPPED)
			continue;
		t.counted++;
		if (!strcmp(name, "error"))
			t.error++;
		else if (st == ST_FAIL)
			t.fail++;
		else
			t.pass++; /* pass, or inconclusive: not counted against anyone */
	}
	return t;
}

static const char *why_closer(const struct roster *r, const struct roster_student *s, const double *median_tests,
			      struct buf *why)
{
	why->len = 0;
	if (why->buf)
		why->buf[0] = '\0';
	if (s->error)
		buf_adds(why, "a check could not be graded (error); ");
	for (size_t i = 0; i < r->spec->nr_exercises; i++) {
		const struct roster_exercise *e = &s->ex[i];
		const char *name = r->spec->exercises[i].name;
		if (e->timed_out)
			buf_addf(why, "%s ran out of time; ", name);
		if (e->crashed)
			buf_addf(why, "%s crashed in a test; ", name);
		if (e->test_seconds >= 1 && median_tests[i] > 0 && e->test_seconds > SLOW_FACTOR * median_tests[i])
			buf_addf(why, "%s's tests took %.1f s natively, %.0f times the class's median: a slow path the benchmark does not reach?; ",
				 name, e->test_seconds, e->test_seconds / median_tests[i]);
	}
	if (why->len >= 2)
		why->buf[why->len -= 2] = '\0';
	return why->len ? why->buf : NULL;
}

static double *median_test_seconds(const struct roster *r)
{
	size_t ne = r->spec->nr_exercises;
	double *m = xcalloc(ne ? ne : 1, sizeof(*m));
	double *v = xcalloc(r->count ? r->count : 1, sizeof(*v));
	for (size_t i = 0; i < ne; i++) {
		size_t n = 0;
		for (size_t s = 0; s < r->count; s++)
			if (r->students[s].ex[i].status[CHECK_TESTS] != ST_SKIPPED)
				v[n++] = r->students[s].ex[i].test_seconds;
		m[i] = median(v, n);
	}
	free(v);
	return m;
}

static void histogram(FILE *out, const struct roster *r)
{
	size_t bins[HIST_BINS] = { 0 }, most = 1;
	for (size_t s = 0; s < r->count; s++) {
		double p = pct(r->students[s].total, r->students[s].max);
		size_t b = (size_t)(p / (100.0 / HIST_BINS));
		bins[b >= HIST_BINS ? HIST_BINS - 1 : b]++;
	}
	for (size_t b = 0; b < HIST_BINS; b++)
		if (bins[b] > most)
			most = bins[b];
	fprintf(out, "<svg viewBox=\"0 0 520 170\" width=\"520\" role=\"img\" aria-label=\"score distribution\">");
	for (size_t b = 0; b < HIST_BINS; b++) {
		double h = 120.0 * (double)bins[b] / (double)most, x = 20 + 50.0 * (double)b;
		fprintf(out, "<rect x=\"%.0f\" y=\"%.1f\" width=\"44\" height=\"%.1f\" fill=\"#1a7f37\"/>", x, 130 - h, h);
		fprintf(out, "<text x=\"%.0f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\">%zu</text>", x + 22,
			126 - h, bins[b]);
		fprintf(out, "<text x=\"%.0f\" y=\"148\" font-size=\"11\" text-anchor=\"middle\" fill=\"#59636e\">%zu-%zu%%</text>",
			x + 22, b * 10, b == HIST_BINS - 1 ? (size_t)100 : b * 10 + 9);
	}
	fputs("<line x1=\"16\" y1=\"130\" x2=\"516\" y2=\"130\" stroke=\"#59636e\"/></svg>\n", out);
}

static void rate_cell(FILE *out, struct rate t)
{
	if (!t.counted) {
		fputs("<td class=\"dim\">not checked</td>", out);
		return;
	}
	fprintf(out, "<td><span class=\"bar\" style=\"width:%.0fpx\"></span><span class=\"bar fail\" style=\"width:%.0fpx\"></span>"
		"<span class=\"bar err\" style=\"width:%.0fpx\"></span> %.0f%%%s</td>",
		pct((double)t.pass, (double)t.counted), pct((double)t.fail, (double)t.counted),
		pct((double)t.error, (double)t.counted), pct((double)t.pass, (double)t.counted),
		t.error ? " (some errors)" : "");
}

static int cmp_by_score(const void *a, const void *b)
{
	const struct roster_student *x = *(const struct roster_student *const *)a, *y = *(const struct roster_student *const *)b;
	double px = pct(x->total, x->max), py = pct(y->total, y->max);
	if (px != py)
		return px > py ? -1 : 1;
	return strcmp(x->id, y->id);
}

static void student_table(FILE *out, const struct roster *r, const char *id, int order)
{
	const struct roster_student **v = xcalloc(r->count ? r->count : 1, sizeof(*v));
	for (size_t s = 0; s < r->count; s++)
		v[s] = &r->students[s];
	if (order)
		qsort(v, r->count, sizeof(*v), cmp_by_score);
	fprintf(out, "<table class=\"sorted\" id=\"%s\"><tr><th><a href=\"#by-name\">student</a></th>"
		"<th><a href=\"#by-score\">total</a> <a href=\"#by-score-low\" title=\"lowest first\">&#8593;</a></th>", id);
	for (size_t i = 0; i < r->spec->nr_exercises; i++) {
		fputs("<th>", out);
		xml_text(out, r->spec->exercises[i].name);
		fputs("</th>", out);
	}
	fputs("</tr>\n", out);
	for (size_t k = 0; k < r->count; k++) {
		const struct roster_student *s = v[order < 0 ? r->count - 1 - k : k];
		fputs("<tr><td>", out);
		if (s->report) {
			fputs("<a href=\"", out);
			xml_attr(out, s->report);
			fputs("\">", out);
		}
		xml_text(out, s->id);
		fputs(s->report ? "</a></td>" : "</td>", out);
		fprintf(out, "<td class=\"n\">%.1f / %.1f%s</td>", s->total, s->max, s->error ? " (error)" : "");
		for (size_t i = 0; i < r->spec->nr_exercises; i++)
			fprintf(out, "<td class=\"n\">%.1f</td>", s->ex[i].score);
		fputs("</tr>\n", out);
	}
	fputs("</table>\n", out);
	free(v);
}

/* What both writers compute from the roster, once. */
struct figures {
	double *totals;      /* percent per student, sorted by median() */
	double mean, median;
	double *med_tests;   /* the class's median test time per exercise */
	struct fail_count *fails;
	size_t nr_fails, errors;
	struct buf why;      /* scratch for why_closer */
};

static void figures_init(struct figures *f, const struct roster *r)
{
	f->totals = xcalloc(r->count ? r->count : 1, sizeof(*f->totals));
	f->mean = 0;
	f->errors = 0;
	for (size_t s = 0; s < r->count; s++) {
		f->totals[s] = pct(r->students[s].total, r->students[s].max);
		f->mean += f->totals[s];
		f->errors += r->students[s].error;
	}
	f->mean = r->count ? f->mean / (double)r->count : 0;
	f->median = median(f->totals, r->count);
	f->med_tests = median_test_seconds(r);
	f->fails = count_fails(r, &f->nr_fails);
	f->why = (struct buf)BUF_INIT;
}

static void figures_release(struct figures *f)
{
	buf_release(&f->why);
	free(f->fails);
	free(f->med_tests);
	free(f->totals);
}

/* Longer than 100 lines: it writes the page's sections in the order they
 * appear (distribution, exercises, growth, heap, failures, look closer,
 * students), each a short loop over the figures computed above it. */
void report_class_html(FILE *out, const struct roster *r)
{
	const struct spec *spec = r->spec;
	size_t ne = spec->nr_exercises;
	struct figures fig;

	figures_init(&fig, r);
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>", out);
	xml_text(out, spec->topic);
	fprintf(out, ": the class</title><style>%s</style></head><body><main>\n<h1>", style);
	xml_text(out, spec->title ? spec->title : spec->topic);
	fprintf(out, " <span class=\"dim\">%zu students</span></h1>\n<div class=\"cards\">", r->count);
	fprintf(out, "<div class=\"card\">mean<b>%.1f%%</b></div><div class=\"card\">median<b>%.1f%%</b></div>"
		"<div class=\"card\">full marks<b>", fig.mean, fig.median);
	size_t full = 0;
	for (size_t s = 0; s < r->count; s++)
		full += r->students[s].max > 0 && r->students[s].total >= r->students[s].max;
	fprintf(out, "%zu</b></div><div class=\"card\">could not be graded<b>%zu</b></div></div>\n", full, fig.errors);

	fputs("<h2>Score distribution</h2>\n", out);
	histogram(out, r);

	fputs("<h2>Pass rate per exercise and check</h2>\n<p class=\"dim\">green passed (or inconclusive, not counted against "
	      "anyone), red failed, purple could not be graded</p>\n<table><tr><th>exercise</th>", out);
	for (int c = 0; c < CHECK_COUNT; c++)
		fprintf(out, "<th>%s</th>", check_names[c]);
	fputs("<th>mean score</th></tr>\n", out);
	for (size_t i = 0; i < ne; i++) {
		double sum = 0, max = 0;
		fputs("<tr><td><code>", out);
		xml_text(out, spec->exercises[i].name);
		fputs("</code></td>", out);
		for (int c = 0; c < CHECK_COUNT; c++)
			rate_cell(out, check_rate(r, i, c));
		for (size_t s = 0; s < r->count; s++) {
			sum += r->students[s].ex[i].score;
			max = r->students[s].ex[i].max;
		}
		fprintf(out, "<td class=\"n\">%.1f / %.1f</td></tr>\n", r->count ? sum / (double)r->count : 0, max);
	}
	fputs("</table>\n", out);

	fputs("<h2>Growth measured across the class</h2>\n<table><tr><th>exercise</th><th>claim</th>", out);
	for (int k = 0; k < FIT_NR_CLASSES; k++)
		fprintf(out, "<th>%s</th>", fit_class_name((enum fit_class)k));
	fputs("<th>not measured</th></tr>\n", out);
	for (size_t i = 0; i < ne; i++) {
		if (!spec->exercises[i].has_complexity)
			continue;
		size_t counts[FIT_NR_CLASSES + 1] = { 0 };
		for (size_t s = 0; s < r->count; s++) {
			enum fit_class m = r->students[s].ex[i].measured;
			counts[m == FIT_NONE ? FIT_NR_CLASSES : (int)m]++;
		}
		fputs("<tr><td><code>", out);
		xml_text(out, spec->exercises[i].name);
		fprintf(out, "</code></td><td>%s</td>", fit_class_name(spec->exercises[i].claim));
		for (int k = 0; k <= FIT_NR_CLASSES; k++)
			fprintf(out, counts[k] ? "<td class=\"n\"><b>%zu</b></td>" : "<td class=\"n dim\">%zu</td>", counts[k]);
		fputs("</tr>\n", out);
	}
	fputs("</table>\n", out);

	fputs("<h2>Peak heap against the budget</h2>\n<table><tr><th>exercise</th><th>measured</th><th>least</th>"
	      "<th>median</th><th>most</th><th>over budget</th></tr>\n", out);
	double *ratios = xcalloc(r->count ? r->count : 1, sizeof(*ratios));
	for (size_t i = 0; i < ne; i++) {
		size_t n = 0, over = 0;
		for (size_t s = 0; s < r->count; s++) {
			const struct roster_exercise *e = &r->students[s].ex[i];
			if (e->peak_heap < 0 || e->heap_budget < 0)
				continue;
			ratios[n++] = e->heap_budget > 0 ? pct((double)e->peak_heap, (double)e->heap_budget)
							 : e->peak_heap > 0 ? INFINITY : 0;
			over += e->peak_heap > e->heap_budget;
		}
		if (!n)
			continue;
		double m = median(ratios, n);
		fputs("<tr><td><code>", out);
		xml_text(out, spec->exercises[i].name);
		fprintf(out, "</code></td><td class=\"n\">%zu</td>", n);
		double show[3] = { ratios[0], m, ratios[n - 1] };
		for (int k = 0; k < 3; k++) {
			if (isinf(show[k]))
				fputs("<td class=\"n\">over a budget of 0</td>", out);
			else
				fprintf(out, "<td class=\"n\">%.0f%%</td>", show[k]);
		}
		fprintf(out, "<td class=\"n\">%zu</td></tr>\n", over);
	}
	free(ratios);
	fputs("</table>\n<p class=\"dim\">percent of the exercise's heap budget at the size the spec measures</p>\n", out);

	fputs("<h2>Most common failing tests</h2>\n", out);
	struct fail_count *fails = fig.fails;
	if (!fig.nr_fails) {
		fputs("<p>No test failed for anyone.</p>\n", out);
	} else {
		fputs("<table><tr><th>exercise</th><th>test</th><th>students</th><th>a message</th></tr>\n", out);
		for (size_t k = 0; k < fig.nr_fails && k < TOP_FAILS; k++) {
			fputs("<tr><td><code>", out);
			xml_text(out, spec->exercises[fails[k].exercise].name);
			fputs("</code></td><td><code>", out);
			xml_text(out, fails[k].test);
			fprintf(out, "</code></td><td class=\"n\">%zu</td><td>", fails[k].count);
			xml_text(out, fails[k].message);
			fputs("</td></tr>\n", out);
		}
		fputs("</table>\n", out);
	}

	fputs("<h2>Look closer</h2>\n<ul>\n", out);
	size_t closer = 0;
	for (size_t s = 0; s < r->count; s++) {
		const char *w = why_closer(r, &r->students[s], fig.med_tests, &fig.why);
		if (!w)
			continue;
		closer++;
		fputs("<li><b>", out);
		xml_text(out, r->students[s].id);
		fputs("</b>: ", out);
		xml_text(out, w);
		fputs("</li>\n", out);
	}
	if (!closer)
		fputs("<li>nothing stands out: no errors, timeouts, crashes or unusually slow tests</li>\n", out);
	fputs("</ul>\n", out);

	fputs("<h2>Students</h2>\n<p class=\"dim\">sort: <a href=\"#by-name\">by name</a> &middot; "
	      "<a href=\"#by-score\">highest score first</a> &middot; <a href=\"#by-score-low\">lowest first</a></p>\n", out);
	student_table(out, r, "by-name", 0);
	student_table(out, r, "by-score", 1);
	student_table(out, r, "by-score-low", -1);
	fputs("</main></body></html>\n", out);
	figures_release(&fig);
}

void report_class_json(FILE *out, const struct roster *r)
{
	const struct spec *spec = r->spec;
	size_t ne = spec->nr_exercises;
	struct figures fig;

	figures_init(&fig, r);
	struct fail_count *fails = fig.fails;
	fputs("{\n  \"topic\": ", out);
	json_string(out, spec->topic);
	fprintf(out, ",\n  \"students\": %zu,\n  \"mean_percent\": %.1f,\n", r->count, fig.mean);
	fprintf(out, "  \"median_percent\": %.1f,\n  \"exercises\": [", fig.median);
	for (size_t i = 0; i < ne; i++) {
		fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", out);
		json_string(out, spec->exercises[i].name);
		for (int c = 0; c < CHECK_COUNT; c++) {
			struct rate t = check_rate(r, i, c);
			fprintf(out, ", \"%s\": {\"pass\": %zu, \"fail\": %zu, \"error\": %zu, \"checked\": %zu}",
				check_names[c], t.pass, t.fail, t.error, t.counted);
		}
		fputs(", \"growth\": {", out);
		int first = 1;
		for (int k = -1; k < FIT_NR_CLASSES; k++) {
			size_t count = 0;
			for (size_t s = 0; s < r->count; s++)
				count += (int)r->students[s].ex[i].measured == k;
			if (!count)
				continue;
			fprintf(out, "%s\"%s\": %zu", first ? "" : ", ", k < 0 ? "not measured" : fit_class_name((enum fit_class)k),
				count);
			first = 0;
		}
		fputs("}}", out);
	}
	fputs("\n  ],\n  \"common_failures\": [", out);
	for (size_t k = 0; k < fig.nr_fails && k < TOP_FAILS; k++) {
		fputs(k ? ",\n    {\"exercise\": " : "\n    {\"exercise\": ", out);
		json_string(out, spec->exercises[fails[k].exercise].name);
		fputs(", \"test\": ", out);
		json_string(out, fails[k].test);
		fprintf(out, ", \"students\": %zu, \"message\": ", fails[k].count);
		json_string(out, fails[k].message);
		fputs("}", out);
	}
	fputs("\n  ],\n  \"students_list\": [", out);
	for (size_t s = 0; s < r->count; s++) {
		const struct roster_student *st = &r->students[s];
		const char *w = why_closer(r, st, fig.med_tests, &fig.why);
		fputs(s ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
		json_string(out, st->id);
		fprintf(out, ", \"total\": %.1f, \"max\": %.1f, \"error\": %s, \"look_closer\": ", st->total, st->max,
			st->error ? "true" : "false");
		if (w)
			json_string(out, w);
		else
			fputs("null", out);
		fputs(", \"scores\": [", out);
		for (size_t i = 0; i < ne; i++)
			fprintf(out, "%s%.1f", i ? ", " : "", st->ex[i].score);
		fputs("]}", out);
	}
	fputs("\n  ]\n}\n", out);
	figures_release(&fig);
}
