/* grade.h - the one result model: the pipeline fills it, reports only read it */
#ifndef GRADE_H
#define GRADE_H

#include <stddef.h>
#include <stdio.h>

#include "fit.h"
#include "spec.h"

enum status {
	ST_PASS,
	ST_FAIL,
	ST_INCONCLUSIVE,
	ST_SKIPPED
};

/* "pass", "fail", "inconclusive", "skipped". */
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
	char *reason;              /* one line a student understands */
	char *reading;             /* "doubling n multiplied the cost by 4.0: quadratic" */
};

struct leak {
	char *kind;                /* "definitely lost", "indirectly lost", ... */
	size_t bytes, blocks;
	struct location where;     /* the allocation in the student's file */
	char *test;                /* the test that found it, or NULL (the driver) */
};

struct mem_error {
	char *what;                /* "Invalid read of size 4", ... */
	struct location where;     /* the first frame in the student's file */
	char *detail;              /* "0 bytes after a block of size 40 alloc'd at ..." */
	size_t count;              /* times memcheck reported it */
	char *test;                /* the test that found it, or NULL (the driver) */
};

struct memory_result {
	enum status status;
	size_t n;                  /* the size measured at */
	long long peak_heap;       /* bytes, the measured call only; -1 when unknown */
	long long heap_budget;     /* -1 when none */
	char *heap_budget_expr;
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
	double score, max_score;
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
	double score, max_score;
	struct exercise_result *exercises;
	size_t nr_exercises;
	char *notes;               /* one-off remarks, e.g. "no sandbox: bubblewrap missing" */
	double seconds;
};

/* Status of check c of an exercise. */
enum status exercise_status(const struct exercise_result *ex, enum check c);

/* 0 when every check of every exercise passed (inconclusive counts as not
 * failed), 1 otherwise: the grader's exit code for a finished grade. */
int grade_exit_code(const struct grade *g);

/* Sums scores; call after all exercises are filled. */
void grade_total(struct grade *g);

/* Frees what one exercise's result holds (not the struct). */
void exercise_result_release(struct exercise_result *ex);

/* Frees everything the grade holds (not the spec). */
void grade_release(struct grade *g);

#endif
