/* report.h - the report writers: each reads one finished grade and writes one format
 *
 * Every writer only reads struct grade (grade.h); escaping for each format
 * lives in escape.h.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdio.h>

#include "grade.h"
#include "roster.h"

/* One line, plain text, for a leak ("32.0 KiB in 1 block (definitely
 * lost), allocated at f.c:15 (test t)") and for a memory error ("Invalid
 * read of size 4 at f.c:20: 0 bytes after ... (test t, found by
 * AddressSanitizer/UBSan)"): every writer words them so, escaped for its
 * format. The caller frees the line. */
char *report_leak_line(const struct leak *l);
char *report_error_line(const struct mem_error *e);

/* Why the ladder's first size left out was not measured: "ran out of
 * time", or "not run: over the instruction budget" (over the time budget
 * under the time meter). Static text. */
const char *report_stop_words(const struct complexity_result *c);

/* Report writers: each reads g and writes one format to out. */
void report_text(FILE *out, const struct grade *g, int colour, int verbose);
/* Wall time per exercise and per check, and the grader's own share. */
void report_timings(FILE *out, const struct grade *g);
void report_json(FILE *out, const struct grade *g);
/* JUnit XML: one testsuite per exercise; one testcase per test, and one
 * each for the build, complexity and memory checks. */
void report_junit(FILE *out, const struct grade *g);
/* Gradescope's results.json; hidden tests are shown after publication,
 * with no message. */
void report_gradescope(FILE *out, const struct grade *g);
/* TAP version 13, one test point per testcase of report_junit. */
void report_tap(FILE *out, const struct grade *g);
/* GitHub Actions workflow commands (::error file=...::) at the student's
 * lines; file paths relative to root (NULL: the current directory). */
void report_github(FILE *out, const struct grade *g, const char *root);
/* A Markdown summary for $GITHUB_STEP_SUMMARY: a table of the checks. */
void report_github_summary(FILE *out, const struct grade *g);
/* A self-contained HTML page: checks, growth plots, memory bars. */
void report_html(FILE *out, const struct grade *g);

/* The class page of a batch grading: score distribution, pass rate per
 * exercise and check, growth classes measured across the class, peak heap
 * against budget, the most common failing tests, a table of students
 * linking to each one's report, and a "look closer" list. Self-contained:
 * no scripts, no external assets. */
void report_class_html(FILE *out, const struct roster *r);
/* The same figures as JSON (docs/json-schema.md, "The class summary"). */
void report_class_json(FILE *out, const struct roster *r);

#endif
