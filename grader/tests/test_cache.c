/* test_cache.c - cache_store and cache_load: a result read back is the result stored
 *
 * Round trip of a result with every kind of record (diagnostics, cases,
 * points, leaks, errors, a space ladder, text with tabs, newlines and
 * backslashes); an entry of other material is a miss; a result that could
 * not be graded (ST_ERROR) is never stored, nor read back.
 */
#include <criterion/criterion.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "util.h"

#define S(literal) ((char *)(literal))
#define AWKWARD "tab\there, line\nbreak, back\\slash, \\n not a newline, = sign"

static struct spec_exercise ex = { .name = S("has_duplicates"), .points = { 0, 6, 2, 2 } };
static struct diagnostic diags[1];
static struct test_case cases[2];
static struct cost_point points[3], space[3];
static struct leak leaks[1];
static struct mem_error errs[1];
static struct hot_cost costs[3] = { { 7, 3, 0 }, { 8, 96072053, 1.995 }, { 10, 1, 0 } };
static char *dir;

static void make_result(struct exercise_result *r)
{
	memset(r, 0, sizeof(*r));
	r->spec = &ex;
	diags[0] = (struct diagnostic){ { S("has_duplicates.c"), 12 }, 5, S("warning"), S("unused " AWKWARD) };
	r->build = (struct build_result){ .status = ST_PASS, .log = S("log " AWKWARD), .diags = diags, .nr_diags = 1 };
	cases[0] = (struct test_case){ .name = S("s/ok"), .status = CASE_PASSED, .seconds = 0.25 };
	cases[1] = (struct test_case){ .name = S("s/bad"), .status = CASE_FAILED, .message = S(AWKWARD),
				       .loc = { S("test_has_duplicates.c"), 40 }, .hidden = 1, .seconds = 0.5 };
	r->tests = (struct tests_result){ .status = ST_FAIL, .passed = 1, .total = 2, .cases = cases, .nr_cases = 2,
					  .reason = S("1 of 2 passed"), .output = S("printed " AWKWARD) };
	for (int i = 0; i < 3; i++) {
		points[i] = (struct cost_point){ (size_t)1000 << i, 12345.5 * (1 << i) };
		space[i] = (struct cost_point){ (size_t)100 << i, 64.0 * (i + 1) };
	}
	r->complexity = (struct complexity_result){ .status = ST_INCONCLUSIVE, .claim = FIT_NLOGN,
						    .meter = METER_INSTRUCTIONS, .points = points, .nr_points = 3,
						    .reason = S("cannot decide " AWKWARD), .threaded = 1,
						    .family = S("few\tdistinct") };
	costs[2].growth = NAN;
	r->complexity.hot = (struct hot_line){ S("helper\tfile.c"), 8, 1.995, 0.6, 4075, 8015, costs, 3 };
	leaks[0] = (struct leak){ S("definitely lost"), 40, 1, { S("has_duplicates.c"), 9 }, S("s/bad") };
	errs[0] = (struct mem_error){ S("Invalid read of size 4"), { S("has_duplicates.c"), 11 }, S(AWKWARD), 3, NULL,
				      FOUND_BY_SANITIZERS };
	r->memory = (struct memory_result){
		.status = ST_FAIL, .n = 8192, .peak_heap = 300000, .heap_budget = 196608,
		.heap_budget_expr = S("16*n + 64KiB"), .peak_site = { S("has_duplicates.c"), 9 }, .peak_site_bytes = 1234,
		.peak_stack = -1, .stack_budget = -1, .leaked_bytes = 40, .leaks = leaks, .nr_leaks = 1,
		.errors = errs, .nr_errors = 1, .races = 2, .space_claim = FIT_1, .space_measured = FIT_N,
		.space_points = space, .nr_space_points = 3, .space_reading = S("grows " AWKWARD),
		.reason = S("leaks " AWKWARD)
	};
}

static void setup(void)
{
	dir = strdup("/tmp/grader-cache-test-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	remove_tree(dir);
	free(dir);
}

static void expect_str(const char *got, const char *want, const char *what)
{
	if (!want)
		cr_expect_null(got, "%s: '%s', want NULL", what, got);
	else
		cr_expect(got && !strcmp(got, want), "%s: '%s', want '%s'", what, got ? got : "(null)", want);
}

Test(cache, round_trip, .init = setup, .fini = teardown)
{
	struct exercise_result in, out;
	make_result(&in);
	cache_store(dir, "material one", &in);
	memset(&out, 0, sizeof(out));
	cr_assert_eq(cache_load(dir, "material one", &ex, &out), 0);

	cr_expect_eq(out.build.status, ST_PASS);
	expect_str(out.build.log, in.build.log, "build log");
	cr_assert_eq(out.build.nr_diags, 1);
	cr_expect_eq(out.build.diags[0].loc.line, 12);
	cr_expect_eq(out.build.diags[0].column, 5);
	expect_str(out.build.diags[0].message, diags[0].message, "diagnostic");

	cr_expect_eq(out.tests.status, ST_FAIL);
	cr_expect_eq(out.tests.passed, 1);
	cr_expect_eq(out.tests.total, 2);
	expect_str(out.tests.output, in.tests.output, "tests output");
	cr_assert_eq(out.tests.nr_cases, 2);
	for (size_t i = 0; i < 2; i++) {
		expect_str(out.tests.cases[i].name, cases[i].name, "case name");
		expect_str(out.tests.cases[i].message, cases[i].message, "case message");
		expect_str(out.tests.cases[i].loc.file, cases[i].loc.file, "case file");
		cr_expect_eq(out.tests.cases[i].status, cases[i].status);
		cr_expect_eq(out.tests.cases[i].hidden, cases[i].hidden);
		cr_expect_eq(out.tests.cases[i].loc.line, cases[i].loc.line);
		cr_expect_eq(out.tests.cases[i].seconds, cases[i].seconds);
	}

	cr_expect_eq(out.complexity.status, ST_INCONCLUSIVE);
	cr_expect_eq(out.complexity.claim, FIT_NLOGN);
	expect_str(out.complexity.reason, in.complexity.reason, "complexity reason");
	expect_str(out.complexity.family, in.complexity.family, "input family");
	cr_expect_eq(out.complexity.threaded, 1);
	expect_str(out.complexity.hot.file, "helper\tfile.c", "hot line's file");
	cr_expect_eq(out.complexity.hot.line, 8);
	cr_expect_eq(out.complexity.hot.n1, 8015);
	cr_assert_eq(out.complexity.hot.nr_costs, 3);
	for (size_t i = 0; i < 2; i++) {
		cr_expect_eq(out.complexity.hot.costs[i].line, costs[i].line);
		cr_expect_eq(out.complexity.hot.costs[i].cost, costs[i].cost);
		cr_expect_eq(out.complexity.hot.costs[i].growth, costs[i].growth);
	}
	cr_expect(isnan(out.complexity.hot.costs[2].growth), "a growth never measured stays unknown");
	cr_assert_eq(out.complexity.nr_points, 3);
	for (size_t i = 0; i < 3; i++) {
		cr_expect_eq(out.complexity.points[i].n, points[i].n);
		cr_expect_eq(out.complexity.points[i].cost, points[i].cost);
	}

	const struct memory_result *m = &out.memory;
	cr_expect_eq(m->status, ST_FAIL);
	cr_expect_eq(m->n, 8192);
	cr_expect_eq(m->peak_heap, 300000);
	cr_expect_eq(m->heap_budget, 196608);
	cr_expect_eq(m->peak_stack, -1);
	cr_expect_eq(m->peak_site.line, 9);
	cr_expect_eq(m->peak_site_bytes, 1234);
	cr_expect_eq(m->leaked_bytes, 40);
	cr_expect_eq(m->races, 2);
	cr_expect_eq(m->space_claim, FIT_1);
	cr_expect_eq(m->space_measured, FIT_N);
	expect_str(m->heap_budget_expr, "16*n + 64KiB", "budget");
	expect_str(m->reason, in.memory.reason, "memory reason");
	expect_str(m->space_reading, in.memory.space_reading, "space reading");
	cr_assert_eq(m->nr_space_points, 3);
	cr_expect_eq(m->space_points[2].cost, space[2].cost);
	cr_assert_eq(m->nr_leaks, 1);
	cr_expect_eq(m->leaks[0].bytes, 40);
	expect_str(m->leaks[0].test, "s/bad", "leak test");
	cr_assert_eq(m->nr_errors, 1);
	cr_expect_eq(m->errors[0].count, 3);
	expect_str(m->errors[0].detail, AWKWARD, "error detail");
	expect_str(m->errors[0].test, NULL, "error test");
	cr_expect_eq(m->errors[0].found_by, FOUND_BY_SANITIZERS, "which tool found the error");
	exercise_result_release(&out);
}

Test(cache, other_material_is_a_miss, .init = setup, .fini = teardown)
{
	struct exercise_result in, out;
	make_result(&in);
	cache_store(dir, "material one", &in);
	memset(&out, 0, sizeof(out));
	cr_expect_eq(cache_load(dir, "material two", &ex, &out), -1);
	exercise_result_release(&out);
	memset(&out, 0, sizeof(out));
	cr_expect_eq(cache_load(dir, "material one!", &ex, &out), -1);
	exercise_result_release(&out);
}

/* One check that could not be graded keeps the whole result out. */
Test(cache, an_error_is_never_stored, .init = setup, .fini = teardown)
{
	static const enum check checks[] = { CHECK_BUILD, CHECK_TESTS, CHECK_COMPLEXITY, CHECK_MEMORY };
	for (size_t i = 0; i < sizeof(checks) / sizeof(*checks); i++) {
		struct exercise_result in, out;
		char material[32];
		make_result(&in);
		switch (checks[i]) {
		case CHECK_BUILD: in.build.status = ST_ERROR; break;
		case CHECK_TESTS: in.tests.status = ST_ERROR; break;
		case CHECK_COMPLEXITY: in.complexity.status = ST_ERROR; break;
		default: in.memory.status = ST_ERROR; break;
		}
		snprintf(material, sizeof(material), "material %zu", i);
		cache_store(dir, material, &in);
		memset(&out, 0, sizeof(out));
		cr_expect_eq(cache_load(dir, material, &ex, &out), -1, "check %zu was stored", i);
		exercise_result_release(&out);
	}
}
