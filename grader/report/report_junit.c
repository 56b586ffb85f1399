/* report_junit.c - JUnit XML, the test report CI systems show (GitLab, Jenkins) */
#include <stdio.h>
#include <stdlib.h>

#include "report/escape.h"
#include "grade.h"
#include "report/report.h"
#include "util.h"

struct counts {
	size_t tests, failures, errors, skipped;
};

/* A test that never reached its verdict is an error in JUnit's terms; a
 * wrong answer is a failure. */
static int is_error(enum case_status s)
{
	return s == CASE_CRASHED || s == CASE_TIMED_OUT || s == CASE_EXITED || s == CASE_MISSING;
}

static void count_status(struct counts *c, enum status s)
{
	c->tests++;
	c->failures += s == ST_FAIL;
	c->errors += s == ST_ERROR;
	c->skipped += s == ST_SKIPPED;
}

static void count_exercise(const struct exercise_result *r, struct counts *c)
{
	count_status(c, r->build.status);
	if (r->tests.nr_cases) {
		for (size_t i = 0; i < r->tests.nr_cases; i++) {
			enum case_status s = r->tests.cases[i].status;
			c->tests++;
			c->errors += is_error(s);
			c->failures += s == CASE_FAILED;
		}
	} else {
		count_status(c, r->tests.status);
	}
	if (r->spec->has_complexity)
		count_status(c, r->complexity.status);
	if (r->spec->has_memory)
		count_status(c, r->memory.status);
}

static void counts_attrs(FILE *out, const struct counts *c, double seconds)
{
	fprintf(out, " tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\" time=\"%.3f\"",
		c->tests, c->failures, c->errors, c->skipped, seconds);
}

static void testcase_open(FILE *out, const char *classname, const char *name, const char *file)
{
	fputs("    <testcase classname=\"", out);
	xml_attr(out, classname);
	fputs("\" name=\"", out);
	xml_attr(out, name);
	fputc('"', out);
	if (file) {
		fputs(" file=\"", out);
		xml_attr(out, file);
		fputc('"', out);
	}
}

/* One check as a testcase: failure with the reason as message and detail
 * as body, error (could not be graded: the grader's, the machine's or the
 * course's fault) likewise, skipped with the reason, or a pass
 * (inconclusive says why in system-out: it is not held against the
 * student). */
static void check_case(FILE *out, const char *classname, const char *name, const char *file,
		       enum status s, const char *reason, const char *detail)
{
	testcase_open(out, classname, name, file);
	if (s == ST_PASS) {
		fputs("/>\n", out);
		return;
	}
	fputs(">\n", out);
	if (s == ST_FAIL || s == ST_ERROR) {
		const char *tag = s == ST_FAIL ? "failure" : "error";
		fprintf(out, "      <%s type=\"", tag);
		xml_attr(out, s == ST_FAIL ? name : "could not grade");
		fputs("\" message=\"", out);
		xml_attr(out, reason ? reason : status_name(s));
		fputs("\">", out);
		xml_text(out, detail && *detail ? detail : reason);
		fprintf(out, "</%s>\n", tag);
	} else if (s == ST_SKIPPED) {
		fputs("      <skipped message=\"", out);
		xml_attr(out, reason ? reason : "skipped");
		fputs("\"/>\n", out);
	} else {
		fputs("      <system-out>inconclusive: ", out);
		xml_text(out, reason);
		fputs("</system-out>\n", out);
	}
	fputs("    </testcase>\n", out);
}

static void test_case(FILE *out, const char *classname, const struct test_case *c)
{
	testcase_open(out, classname, c->name, NULL);
	fprintf(out, " time=\"%.6f\"", c->seconds);
	if (c->status == CASE_PASSED) {
		fputs("/>\n", out);
		return;
	}
	fprintf(out, ">\n      <%s type=\"%s\" message=\"", is_error(c->status) ? "error" : "failure",
		case_status_name(c->status));
	if (c->hidden) {
		fprintf(out, "%s (hidden test)\"/>\n", case_status_name(c->status));
	} else {
		xml_attr(out, c->message ? c->message : case_status_name(c->status));
		fputs("\">", out);
		xml_text(out, c->message ? c->message : case_status_name(c->status));
		if (c->loc.file) {
			fputs("\nat ", out);
			xml_text(out, c->loc.file);
			fprintf(out, ":%u", c->loc.line);
		}
		fprintf(out, "</%s>\n", is_error(c->status) ? "error" : "failure");
	}
	fputs("    </testcase>\n", out);
}

static char *complexity_detail(const struct complexity_result *c)
{
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s\n", c->reason ? c->reason : "");
	if (c->reading)
		buf_addf(&b, "%s\n", c->reading);
	for (size_t i = 0; i < c->nr_points; i++)
		buf_addf(&b, "n = %zu: %.0f %s\n", c->points[i].n, c->points[i].cost,
			 c->meter == METER_TIME ? "ns" : "instructions");
	if (c->stopped_at)
		buf_addf(&b, "n = %zu: %s\n", c->stopped_at, report_stop_words(c));
	if (c->fitted)
		buf_addf(&b, "best fit %s, claimed %s\n", fit_class_name(c->measured), fit_class_name(c->claim));
	return buf_detach(&b);
}

static char *memory_detail(const struct memory_result *m)
{
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s\n", m->reason ? m->reason : "");
	for (size_t i = 0; i < m->nr_leaks; i++) {
		char *line = report_leak_line(&m->leaks[i]);
		buf_addf(&b, "leak: %s\n", line);
		free(line);
	}
	for (size_t i = 0; i < m->nr_errors; i++) {
		char *line = report_error_line(&m->errors[i]);
		buf_addf(&b, "error: %s\n", line);
		free(line);
	}
	if (m->races)
		buf_addf(&b, "data races: %zu\n", m->races);
	if (m->space_reading)
		buf_addf(&b, "%s\n", m->space_reading);
	for (size_t i = 0; i < m->nr_space_points; i++)
		buf_addf(&b, "space at n = %zu: %.0f bytes\n", m->space_points[i].n, m->space_points[i].cost);
	return buf_detach(&b);
}

static void exercise(FILE *out, const struct grade *g, const struct exercise_result *r)
{
	struct counts c = { 0 };
	char *classname = xasprintf("%s.%s", g->spec->topic, r->spec->name);
	char *file = xasprintf("%s.c", r->spec->name);
	char *detail;

	count_exercise(r, &c);
	fputs("  <testsuite name=\"", out);
	xml_attr(out, r->spec->name);
	fputc('"', out);
	counts_attrs(out, &c, r->seconds);
	fprintf(out, ">\n    <properties>\n"
		"      <property name=\"score\" value=\"" SCORE_FMT "\"/>\n"
		"      <property name=\"max_score\" value=\"" SCORE_FMT "\"/>\n"
		"      <property name=\"ungraded\" value=\"" SCORE_FMT "\"/>\n"
		"    </properties>\n", r->score, r->max_score, r->ungraded);

	check_case(out, classname, "build", file, r->build.status, r->build.reason, r->build.log);
	if (r->tests.nr_cases)
		for (size_t i = 0; i < r->tests.nr_cases; i++)
			test_case(out, classname, &r->tests.cases[i]);
	else
		check_case(out, classname, "tests", NULL, r->tests.status, r->tests.reason, NULL);
	if (r->spec->has_complexity) {
		detail = complexity_detail(&r->complexity);
		check_case(out, classname, "complexity", file, r->complexity.status, r->complexity.reason, detail);
		free(detail);
	}
	if (r->spec->has_memory) {
		detail = memory_detail(&r->memory);
		check_case(out, classname, "memory", file, r->memory.status, r->memory.reason, detail);
		free(detail);
	}
	fputs("  </testsuite>\n", out);
	free(classname);
	free(file);
}

void report_junit(FILE *out, const struct grade *g)
{
	struct counts all = { 0 };
	for (size_t i = 0; i < g->nr_exercises; i++)
		count_exercise(&g->exercises[i], &all);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"", out);
	xml_attr(out, g->spec->topic);
	fputc('"', out);
	counts_attrs(out, &all, g->seconds);
	fputs(">\n", out);
	for (size_t i = 0; i < g->nr_exercises; i++)
		exercise(out, g, &g->exercises[i]);
	fputs("</testsuites>\n", out);
}
