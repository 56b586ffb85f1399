/* grade.h - the one result model: the pipeline fills it, reports only read it */
#ifndef GRADE_H
#define GRADE_H

#include <stddef.h>
#include <stdio.h>

#include "fit.h"
#include "spec.h"

/* A check's verdict. ST_ERROR is "could not grade": the grader, the
 * machine or the course failed, not the submission (valgrind missing, a
 * course test file that does not compile). It is never the student's
 * fail: it earns nothing and loses nothing (see exercise_score), is never
 * cached, and makes the grader exit 3, or 2 when the course is at fault. */
enum status {
	ST_PASS,
	ST_FAIL,
	ST_INCONCLUSIVE,
	ST_SKIPPED,
	ST_ERROR
};

/* "pass", "fail", "inconclusive", "skipped", "error". */
const char *status_name(enum status s);

/* A place in the student's file (or in the course's), for annotations. */
struct location {
	char *file; /* base name as the student knows it, e.g. has_duplicates.c */
	unsigned line;
};

struct diagnostic {
	struct location loc;
	unsigned column;
	char *severity; /* "error", "warning", "note" */
	char *message;
};

struct build_result {
	enum status status;
	char *log;                 /* the compiler's own output, as printed */
	struct diagnostic *diags;  /* parsed from log: student's file only */
	size_t nr_diags;
	char *reason;              /* one line when failed, e.g. "does not compile" */
	int course_fault;          /* ST_ERROR because the course's own files (its tests,
				    * drivers, header) do not build: exit 2, not 3 */
};

enum case_status {
	CASE_PASSED,
	CASE_FAILED,
	CASE_CRASHED,
	CASE_TIMED_OUT,
	CASE_EXITED,    /* the code under test ended the test process */
	CASE_MISSING    /* expected but never reported */
};

/* "passed", "failed", "crashed", "timed out", "exited", "missing". */
const char *case_status_name(enum case_status s);

struct test_case {
	char *name;
	enum case_status status;
	char *message;       /* assertion message (expected vs actual), or why */
	struct location loc; /* the failing assertion's line in the test file */
	int signal;          /* CASE_CRASHED */
	double seconds;
	int hidden;          /* only name and pass/fail reach students */
	char *output;        /* what the test printed (stdout and stderr), capped, or NULL */
	char *crash_at;      /* a crash's place in the submission, "f.c:12 in f()", or NULL */
};

struct tests_result {
	enum status status;
	size_t passed, total;
	struct test_case *cases;
	size_t nr_cases;
	char *reason;
	char *output;        /* what the test run printed, capped, for instructors */
};

struct cost_point {
	size_t n;
	double cost;         /* instructions, or nanoseconds of CPU time */
};

struct complexity_result {
	enum status status;
	enum fit_class claim;
	enum fit_class measured;   /* FIT_NONE when not measured */
	enum fit_class runner_up;
	enum meter meter;
	struct cost_point *points;
	size_t nr_points;
	struct fit_result fit;
	int fitted;
	size_t stopped_at;         /* first size not measured (budget or limit), or 0 */
	int timed_out;             /* stopped_at ran past the time limit itself */
	int by_clock;              /* the wall clock, not the counts, cut the ladder short:
				    * the result depends on the machine's speed and load */
	int measurement_error;     /* the dumps could not be trusted or read (reason says) */
	int threaded;              /* the run started threads: its counts vary with scheduling */
	struct hot_line {          /* the submission's line whose count grows fastest */
		char *file;        /* NULL when none was found */
		unsigned line;
		double growth;     /* its count ~ n^growth between n0 and n1 */
		double share;      /* of all instructions at n1 */
		size_t n0, n1;     /* the two largest sizes measured */
		struct hot_cost {  /* every counted line of file at n1, by line number */
			unsigned line;
			double cost;       /* instructions at n1 */
			double growth;     /* ~ n^growth from n0; NAN where it ran only at n1 */
		} *costs;
		size_t nr_costs;
	} hot;
	char *family;              /* the input family measured (the worst of the spec's
				    * complexity.families), or NULL without families */
	char *reason;              /* one line a student understands */
	char *reading;             /* "doubling n multiplied the cost by 4.0: quadratic" */
};

struct leak {
	char *kind;                /* "definitely lost", "indirectly lost", ... */
	size_t bytes, blocks;
	struct location where;     /* the allocation in the student's file */
	char *test;                /* the test that found it, or NULL (the driver) */
};

/* The tool that found a memory error. */
enum finder {
	FOUND_BY_MEMCHECK,         /* valgrind's memcheck */
	FOUND_BY_SANITIZERS,       /* the tests' AddressSanitizer/UBSan build */
};

struct mem_error {
	char *what;                /* "Invalid read of size 4", ... */
	struct location where;     /* the first frame in the submission's files */
	char *detail;              /* "0 bytes after a block of size 40 alloc'd at ..." */
	size_t count;              /* times the tool reported it */
	char *test;                /* the test that found it, or NULL (the driver) */
	enum finder found_by;
};

struct memory_result {
	enum status status;
	size_t n;                  /* the size measured at */
	long long peak_heap;       /* bytes, the measured call only; -1 when unknown */
	long long static_bytes;    /* the submission's static data, counted in peak_heap */
	long long outside_bytes;   /* resident memory the heap did not explain (mmap...),
				    * counted in peak_heap */
	long long heap_budget;     /* -1 when none */
	char *heap_budget_expr;
	unsigned family;           /* the input family measured: the one the complexity
				    * check found worst (index in complexity.families) */
	int tests_failed;          /* set before the run: the tests found the code wrong
				    * already, so a wrong answer here is no news */
	long long tests_heap_peak; /* the most heap one test's body held at once (the
				    * tests' sanitizer build), 0 when not measured */
	char *tests_heap_test;     /* that test's name */
	char *tests_report_lost;   /* a passing test whose sanitizer report did not
				    * arrive (its output closed or replaced) */
	size_t tests_inputs;       /* calls the tests named the input size of (test_heap.h) */
	char *tests_input_test;    /* the test whose call went furthest over the budget
				    * at its n, NULL when none went over */
	size_t tests_input_n;      /* that call's n */
	long long tests_input_used; /* the most heap it held at once */
	struct location peak_site; /* the student's line that held most at the peak */
	long long peak_site_bytes;
	long long peak_stack;      /* -1 when not measured */
	size_t stack_small_n;      /* a smaller size the stack was also measured at */
	long long stack_small;     /* peak stack there, to show growth */
	long long stack_budget;
	char *stack_budget_expr;
	long long leaked_bytes;
	struct leak *leaks;
	size_t nr_leaks;
	struct mem_error *errors;
	size_t nr_errors;
	size_t races;              /* helgrind's data race reports, when checked */
	int faults;                /* findings against the submission */
	int timeouts;              /* runs that could not finish in time */
	int cannot_run;            /* runs that could not be started (the machine's fault) */
	int measurement_errors;    /* tool outputs that could not be trusted or read
				    * (malformed, twice, missing): a measurement error */
	enum fit_class space_claim; /* FIT_NONE when the spec makes none */
	enum fit_class space_measured;
	struct cost_point *space_points; /* n, peak extra heap + stack bytes */
	size_t nr_space_points;
	char *space_reading;
	char *reason;
};

struct exercise_result {
	const struct spec_exercise *spec;
	char *source;              /* the submission file graded, or NULL if missing */
	double score, max_score;   /* max_score leaves out the ungraded points */
	double ungraded;           /* points of checks that could not be graded (ST_ERROR) */
	double points[CHECK_COUNT]; /* earned per check */
	struct build_result build;
	struct tests_result tests;
	struct complexity_result complexity;
	struct memory_result memory;
	double seconds;            /* wall time spent on this exercise */
	double phase_seconds[CHECK_COUNT]; /* wall time per check */
	double child_seconds;      /* wall time of the programs it ran */
	int cached;                /* reused from an earlier run: nothing changed */
};

struct grade {
	const struct spec *spec;
	char *submission;          /* the folder graded */
	double score, max_score;   /* of what could be graded */
	double ungraded;           /* points that could not be graded: the grade is incomplete */
	struct exercise_result *exercises;
	size_t nr_exercises;
	char *notes;               /* one-off remarks, e.g. "no sandbox: bubblewrap missing" */
	int no_sources;            /* the submission folder has no .c file: notes says so */
	double seconds;
};

/* Status of check c of an exercise. */
enum status exercise_status(const struct exercise_result *ex, enum check c);

/* The one-line reason of check c of an exercise, or NULL when none was
 * given. */
const char *exercise_reason(const struct exercise_result *ex, enum check c);

/* Whether check c's error (ST_ERROR) is the course's fault, not the
 * grader's or the machine's. */
int exercise_course_fault(const struct exercise_result *ex, enum check c);

/* The grader's exit code for a finished grade: 3 when some check could not
 * be graded for a fault of the grader or the machine, else 2 when for a
 * fault of the course, else 1 when some check failed, else 0 (inconclusive
 * counts as not failed). A fault of ours wins over the student's fail. */
int grade_exit_code(const struct grade *g);

/* Scores one exercise from its checks' statuses and the spec's points.
 *
 * The rule, one for every report: tests earn their points in proportion
 * to the tests passed; complexity and memory (pass or inconclusive: not
 * held against the student) earn theirs only when every test passed; each check's points are rounded
 * to one decimal, and scores are sums of those, so the parts add up to the
 * whole when printed with one decimal (SCORE_FMT). A check that could not
 * be graded (ST_ERROR) earns nothing and loses nothing: its points, and
 * those of the checks that need it (tests for complexity and memory; the
 * build for all), leave max_score and go to ungraded, and the grade reads
 * incomplete. */
void exercise_score(struct exercise_result *r);

/* A score rounded as exercise_score rounds each check's points: to one
 * decimal. */
double score_round(double v);

/* How reports print a score: text formats (text, HTML, TAP, GitHub,
 * JUnit, the batch CSV) with one decimal, "8.6", "10.0"; JSON formats
 * (JSON, Gradescope) the same value as a plain number, "8.6", "10". */
#define SCORE_FMT "%.1f"
#define SCORE_JSON "%.10g"

/* Sums scores; call after all exercises are filled. */
void grade_total(struct grade *g);

/* Whether some check of g could not be graded (ST_ERROR anywhere). */
int grade_incomplete(const struct grade *g);

/* Frees what a tests result holds (not the struct). */
void tests_result_release(struct tests_result *t);

/* Frees what one exercise's result holds (not the struct). */
void exercise_result_release(struct exercise_result *ex);

/* Frees everything the grade holds (not the spec). */
void grade_release(struct grade *g);

#endif
