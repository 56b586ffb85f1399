/* test_score.c - exercise_score and grade_exit_code: what each verdict earns, and the exit status
 *
 * One row per situation: the checks' statuses, the tests passed, and what
 * the exercise must score, what it may still earn, what could not be
 * graded, and the grader's exit code. An error (the grader's, the
 * machine's or the course's fault) never lowers the score.
 */
#include <criterion/criterion.h>

#include <math.h>

#include "exitcode.h"
#include "grade.h"

#define P ST_PASS
#define F ST_FAIL
#define I ST_INCONCLUSIVE
#define S ST_SKIPPED
#define E ST_ERROR

static const struct row {
	const char *what;
	enum status build, tests, complexity, memory;
	size_t passed, total;
	int course_fault;
	double score, max, ungraded;
	int exit_code;
} rows[] = {
	{ "all pass", P, P, P, P, 7, 7, 0, 10, 10, 0, EXIT_PASSED },
	{ "inconclusive growth is not held against", P, P, I, P, 7, 7, 0, 10, 10, 0, EXIT_PASSED },
	{ "memory not measured in time is not held against", P, P, P, I, 7, 7, 0, 10, 10, 0, EXIT_PASSED },
	{ "inconclusive earns nothing before the tests pass", P, F, I, I, 6, 7, 0, 5.1, 10, 0, EXIT_FAILED },
	{ "6 of 7 tests: tests in proportion, rounded to 0.1", P, F, P, P, 6, 7, 0, 5.1, 10, 0, EXIT_FAILED },
	{ "3 of 7 tests rounds up", P, F, P, P, 3, 7, 0, 2.6, 10, 0, EXIT_FAILED },
	{ "slow but correct", P, P, F, P, 7, 7, 0, 8, 10, 0, EXIT_FAILED },
	{ "leaks", P, P, P, F, 7, 7, 0, 8, 10, 0, EXIT_FAILED },
	{ "does not compile", F, S, S, S, 0, 0, 0, 0, 10, 0, EXIT_FAILED },
	{ "valgrind missing: growth and memory not graded", P, P, E, E, 7, 7, 0, 6, 6, 4, EXIT_INTERNAL },
	{ "valgrind missing, some tests fail", P, F, E, E, 5, 7, 0, 4.3, 6, 4, EXIT_INTERNAL },
	{ "memory tool failed, growth failed", P, P, F, E, 7, 7, 0, 6, 8, 2, EXIT_INTERNAL },
	{ "tests could not run: nothing after them is graded", P, E, P, P, 0, 0, 0, 0, 0, 10, EXIT_INTERNAL },
	{ "the course's test file does not compile", E, S, S, S, 0, 0, 1, 0, 0, 10, EXIT_COURSE },
	{ "the runner does not build", E, S, S, S, 0, 0, 0, 0, 0, 10, EXIT_INTERNAL },
	{ "an error wins over a fail; a skipped check still counts", P, F, E, S, 1, 7, 0, 0.9, 8, 2, EXIT_INTERNAL },
};

static struct spec_exercise ex = { .name = (char *)"f", .points = { 0, 6, 2, 2 } };

static void fill(struct exercise_result *r, const struct row *w)
{
	memset(r, 0, sizeof(*r));
	r->spec = &ex;
	r->build.status = w->build;
	r->build.course_fault = w->course_fault;
	r->tests.status = w->tests;
	r->tests.passed = w->passed;
	r->tests.total = w->total;
	r->complexity.status = w->complexity;
	r->memory.status = w->memory;
}

Test(score, table)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		const struct row *w = &rows[i];
		struct exercise_result r;
		fill(&r, w);
		exercise_score(&r);
		cr_expect(fabs(r.score - w->score) < 1e-9, "%s: score %g, want %g", w->what, r.score, w->score);
		cr_expect(fabs(r.max_score - w->max) < 1e-9, "%s: max %g, want %g", w->what, r.max_score, w->max);
		cr_expect(fabs(r.ungraded - w->ungraded) < 1e-9, "%s: ungraded %g, want %g", w->what, r.ungraded,
			  w->ungraded);
		struct grade g = { .exercises = &r, .nr_exercises = 1 };
		grade_total(&g);
		cr_expect_eq(grade_exit_code(&g), w->exit_code, "%s: exit %d, want %d", w->what, grade_exit_code(&g),
			     w->exit_code);
		cr_expect_eq(grade_incomplete(&g), w->ungraded > 0, "%s: incomplete", w->what);
	}
}

/* Across exercises: 3 (grader) wins over 2 (course) wins over 1 (fail). */
Test(score, exit_code_precedence)
{
	struct exercise_result r[3];
	fill(&r[0], &rows[6]);  /* a fail */
	fill(&r[1], &rows[13]); /* the course's error */
	fill(&r[2], &rows[9]);  /* the machine's error */
	struct grade g = { .exercises = r, .nr_exercises = 1 };
	cr_expect_eq(grade_exit_code(&g), EXIT_FAILED);
	g.nr_exercises = 2;
	cr_expect_eq(grade_exit_code(&g), EXIT_COURSE);
	g.nr_exercises = 3;
	cr_expect_eq(grade_exit_code(&g), EXIT_INTERNAL);
	g.exercises = &r[1];
	g.nr_exercises = 1;
	cr_expect_eq(grade_exit_code(&g), EXIT_COURSE);
}

/* The parts add up to the whole as printed: totals are sums of rounded
 * points. */
Test(score, totals_add_up_when_printed)
{
	struct exercise_result r[3];
	for (int i = 0; i < 3; i++) {
		fill(&r[i], &rows[4]);
		exercise_score(&r[i]);
	}
	struct grade g = { .exercises = r, .nr_exercises = 3 };
	grade_total(&g);
	char whole[32], parts[32];
	snprintf(whole, sizeof(whole), SCORE_FMT, g.score);
	snprintf(parts, sizeof(parts), SCORE_FMT, 3 * score_round(6.0 * 6 / 7));
	cr_expect_str_eq(whole, parts);
	cr_expect_str_eq(whole, "15.3");
}

Test(score, status_names)
{
	cr_expect_str_eq(status_name(ST_ERROR), "error");
	cr_expect_str_eq(status_name(ST_SKIPPED), "skipped");
	cr_expect_str_eq(status_name((enum status)99), "unknown");
}
