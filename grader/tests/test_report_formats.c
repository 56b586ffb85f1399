/* test_report_formats.c - every report writer on one made-up grade full of hostile text
 *
 * The end-to-end test (t/t08-formats.sh) grades a real submission; this one
 * reaches what a real grading of topic 03 does not: an inconclusive
 * growth, a space ladder, data races, invalid accesses, and hostile text
 * in every string a writer prints.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "report/report.h"

/* The result model holds char *: the test's literals are never written to. */
#define S(literal) ((char *)(literal))
#define HOSTILE "</failure><script>x</script>\n::error::pwned \033[31m %0A | *b* # SKIP \"q\" &amp; ]]>"

static struct spec_exercise exercise_spec;
static struct spec spec;
static struct test_case cases[3];
static struct cost_point points[5], space[4];
static struct leak leaks[1];
static struct mem_error errors[1];
static struct exercise_result result;
static struct grade grade;

static void make_grade(void)
{
	exercise_spec.name = S("has_duplicates");
	exercise_spec.points[CHECK_TESTS] = 6;
	exercise_spec.points[CHECK_COMPLEXITY] = 2;
	exercise_spec.points[CHECK_MEMORY] = 2;
	exercise_spec.has_complexity = 1;
	exercise_spec.claim = FIT_NLOGN;
	exercise_spec.has_memory = 1;
	exercise_spec.forbid_races = 1;
	spec.topic = S("03_time_complexity");
	spec.title = S("Time " HOSTILE);
	spec.exercises = &exercise_spec;
	spec.nr_exercises = 1;

	result.spec = &exercise_spec;
	result.max_score = 10;
	result.score = 2;
	result.points[CHECK_TESTS] = 2;
	result.build.status = ST_PASS;
	result.build.log = S(HOSTILE);

	cases[0] = (struct test_case){ .name = S("has_duplicates/ok"), .status = CASE_PASSED, .seconds = 0.01 };
	cases[1] = (struct test_case){ .name = S("has_duplicates/" HOSTILE), .status = CASE_FAILED,
				       .message = S(HOSTILE), .loc = { S("test_has_duplicates.c"), 12 } };
	cases[2] = (struct test_case){ .name = S("has_duplicates/secret"), .status = CASE_CRASHED, .signal = 11,
				       .message = S("the secret answer is 42"), .hidden = 1 };
	result.tests = (struct tests_result){ .status = ST_FAIL, .passed = 1, .total = 3, .cases = cases,
					      .nr_cases = 3, .reason = S("1 of 3 passed") };

	for (size_t i = 0; i < 5; i++)
		points[i] = (struct cost_point){ (size_t)1024 << i, 1000.0 * (double)((size_t)1 << i) * (10 + i) };
	result.complexity.status = ST_INCONCLUSIVE;
	result.complexity.claim = FIT_NLOGN;
	result.complexity.measured = FIT_N;
	result.complexity.runner_up = FIT_NLOGN;
	result.complexity.points = points;
	result.complexity.nr_points = 5;
	result.complexity.fitted = 1;
	result.complexity.fit.models[FIT_N] = (struct fit_model){ .a = 100, .b = 11, .rel_rms = 0.02, .valid = 1 };
	result.complexity.fit.models[FIT_NLOGN] = (struct fit_model){ .a = 50, .b = 1, .rel_rms = 0.03, .valid = 1 };
	result.complexity.reason = S("inconclusive: " HOSTILE);
	result.complexity.reading = S(HOSTILE);

	leaks[0] = (struct leak){ .kind = S("definitely " HOSTILE), .bytes = 40, .blocks = 1,
				  .where = { S("has_duplicates.c"), 9 } };
	errors[0] = (struct mem_error){ .what = S("Invalid read " HOSTILE), .where = { S("has_duplicates.c"), 11 },
					.detail = S(HOSTILE), .count = 1 };
	for (size_t i = 0; i < 4; i++)
		space[i] = (struct cost_point){ (size_t)1000 << i, 8.0 * (double)((size_t)1000 << i) };
	result.memory = (struct memory_result){
		.status = ST_FAIL, .n = 8192, .peak_heap = 300000, .heap_budget = 196608,
		.heap_budget_expr = S("16*n + 64KiB"), .peak_site = { S("has_duplicates.c"), 9 }, .peak_site_bytes = 300000,
		.peak_stack = -1, .stack_budget = -1, .leaked_bytes = 40, .leaks = leaks, .nr_leaks = 1,
		.errors = errors, .nr_errors = 1, .races = 2, .space_claim = FIT_1, .space_measured = FIT_N,
		.space_points = space, .nr_space_points = 4, .space_reading = S(HOSTILE), .reason = S(HOSTILE)
	};

	grade.spec = &spec;
	grade.submission = S("/tmp/class/" HOSTILE);
	grade.score = 2;
	grade.max_score = 10;
	grade.exercises = &result;
	grade.nr_exercises = 1;
	grade.notes = S(HOSTILE);
}

enum writer { W_TEXT, W_JSON, W_JUNIT, W_GRADESCOPE, W_TAP, W_GITHUB, W_SUMMARY, W_HTML, W_COUNT };
static const char *const writer_names[] = { "text", "json", "junit", "gradescope", "tap", "github", "summary",
					    "html" };

static char *render(enum writer w)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	cr_assert_not_null(out);
	switch (w) {
	case W_TEXT: report_text(out, &grade, 0, 1); break;
	case W_JSON: report_json(out, &grade); break;
	case W_JUNIT: report_junit(out, &grade); break;
	case W_GRADESCOPE: report_gradescope(out, &grade); break;
	case W_TAP: report_tap(out, &grade); break;
	case W_GITHUB: report_github(out, &grade, "/tmp"); break;
	case W_SUMMARY: report_github_summary(out, &grade); break;
	default: report_html(out, &grade); break;
	}
	fclose(out);
	return text;
}

static int starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

Test(report_formats, hostile_text_stays_text, .init = make_grade)
{
	for (int w = W_TEXT; w < W_COUNT; w++) {
		char *text = render((enum writer)w);
		cr_assert(text && *text, "%s wrote nothing", writer_names[w]);
		cr_expect_null(strchr(text, '\033'), "%s let an escape byte through", writer_names[w]);
		cr_expect_null(strstr(text, "the secret answer"), "%s showed a hidden test's message", writer_names[w]);
		if (w == W_JUNIT || w == W_HTML || w == W_SUMMARY)
			cr_expect_null(strstr(text, "<script"), "%s let markup through", writer_names[w]);
		if (w == W_JSON || w == W_GRADESCOPE)
			for (const unsigned char *p = (const unsigned char *)text; *p; p++)
				cr_expect(*p >= 0x20 || *p == '\n', "%s: raw control byte 0x%02x", writer_names[w], *p);
		for (char *line = text; line && *line;) {
			char *eol = strchr(line, '\n');
			if (w == W_GITHUB)
				cr_expect(starts_with(line, "::error ") || starts_with(line, "::warning ") ||
					  starts_with(line, "::notice "), "github: a line that is no annotation: %.60s", line);
			if (w == W_TAP)
				cr_expect(starts_with(line, "TAP version 13") || starts_with(line, "1..") ||
					  starts_with(line, "#") || starts_with(line, "ok ") || starts_with(line, "not ok ") ||
					  starts_with(line, "  "), "tap: a line TAP cannot read: %.60s", line);
			line = eol ? eol + 1 : NULL;
		}
		free(text);
	}
}

Test(report_formats, every_finding_is_reported, .init = make_grade)
{
	char *github = render(W_GITHUB), *html = render(W_HTML), *junit = render(W_JUNIT), *tap = render(W_TAP);

	/* leak and invalid read at their lines, the inconclusive growth as a notice */
	cr_expect_not_null(strstr(github, "/has_duplicates.c,line=9,title=has_duplicates%3A memory leak::"));
	cr_expect_not_null(strstr(github, "/has_duplicates.c,line=11,title=has_duplicates%3A Invalid read "));
	cr_expect_not_null(strstr(github, "/has_duplicates.c,line=1,title=has_duplicates%3A complexity inconclusive::"));
	cr_expect_not_null(strstr(github, "::error file=class/</failure><script>x</script>%0A%3A%3Aerror%3A%3Apwned ^[[31m %250A"));
	cr_expect_not_null(strstr(github, "::hidden test has_duplicates/secret crashed\n"));

	/* two plots (growth, space), the heap bar, the races */
	size_t svgs = 0;
	for (const char *p = html; (p = strstr(p, "<svg")); p++)
		svgs++;
	cr_expect_eq(svgs, 3, "html has %zu svg, not 3", svgs);
	cr_expect_not_null(strstr(html, "data races found by helgrind: 2"));

	cr_expect_not_null(strstr(junit, "tests=\"6\" failures=\"2\" errors=\"1\" skipped=\"0\""));
	cr_expect_not_null(strstr(junit, "<system-out>inconclusive: "));
	cr_expect_not_null(strstr(tap, "1..6\n"));
	cr_expect_not_null(strstr(tap, "  data_races: 2\n"));
	free(github);
	free(html);
	free(junit);
	free(tap);
}

/* A check that could not be graded reads as such in every format, and as
 * neither a pass nor a fail. */
Test(report_formats, an_error_is_reported_everywhere, .init = make_grade)
{
	result.memory.status = ST_ERROR;
	result.memory.reason = S("valgrind is not installed (not found on PATH)");
	result.memory.nr_leaks = result.memory.nr_errors = 0;
	result.memory.races = 0;
	exercise_score(&result);
	grade_total(&grade);
	static const char *const marks[W_COUNT] = {
		[W_TEXT] = "memory      error", [W_JSON] = "\"status\": \"error\"",
		[W_JUNIT] = "<error type=\"could not grade\" message=\"valgrind is not installed",
		[W_GRADESCOPE] = "could not be graded (not held against you): valgrind",
		[W_TAP] = "severity: error\n  message: \"valgrind is not installed",
		[W_GITHUB] = "memory could not be graded (not the submission's fault)::valgrind",
		[W_SUMMARY] = "\xe2\x9b\x94 valgrind is not installed",
		[W_HTML] = "<span class=\"badge error\">error</span>",
	};
	for (int w = W_TEXT; w < W_COUNT; w++) {
		char *text = render((enum writer)w);
		cr_expect_not_null(strstr(text, marks[w]), "%s does not show the error:\n%s", writer_names[w], text);
		free(text);
	}
	char *json = render(W_JSON);
	cr_expect_not_null(strstr(json, "\"incomplete\": true, \"ungraded\": 2"), "%s", json);
	free(json);
	char *junit = render(W_JUNIT);
	cr_expect_not_null(strstr(junit, "errors=\"2\""), "%s", junit);
	free(junit);
}
