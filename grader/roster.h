/* roster.h - a class at a glance: what batch grading keeps of each student
 *
 * grader batch grades each student's folder into a struct grade, keeps a
 * compact summary of it here (scores, the status of every check, the
 * measured growth, the peak heap against its budget, the failing tests),
 * and the class writers (report/report.h: report_class_html,
 * report_class_json) read only this. The summary is also written into each student's stamp, so a rerun
 * that reuses an unchanged student's grade still has everything the class
 * report shows.
 */
#ifndef ROSTER_H
#define ROSTER_H

#include <stddef.h>
#include <stdio.h>

#include "grade.h"
#include "util.h"

/* Failing tests kept per exercise: enough to rank the common ones. */
#define ROSTER_MAX_FAILS 8

struct roster_fail {
	char *test;
	char *message;       /* first line only, capped */
};

struct roster_exercise {
	double score, max;
	enum status status[CHECK_COUNT];
	enum fit_class measured;      /* FIT_NONE when not measured */
	long long peak_heap;          /* -1 when not measured */
	long long heap_budget;        /* -1 when none */
	double test_seconds;          /* native time of all its tests */
	double bench_seconds;         /* time of the complexity run's measured sizes, or 0 */
	int timed_out;                /* a test or a size ran out of time */
	int crashed;                  /* a test crashed */
	struct roster_fail fails[ROSTER_MAX_FAILS];
	size_t nr_fails;
};

struct roster_student {
	char *id;                     /* the folder's name */
	char *report;                 /* its HTML report, relative to the class page, or NULL */
	double total, max;
	int error;                    /* some check could not be graded */
	struct roster_exercise *ex;   /* one per exercise of the spec */
};

struct roster {
	const struct spec *spec;
	struct roster_student *students;
	size_t count;
};

/* Fills s->ex and the scores from a finished grade (s->ex must hold one
 * entry per exercise of g->spec; s->id and s->report are left alone). */
void roster_from_grade(struct roster_student *s, const struct grade *g);

/* Writes s's summary as lines that roster_read_line() reads back: "rx ...",
 * "rf ..."; exercise indices refer to the spec's order. */
void roster_write(struct buf *out, const struct roster_student *s, size_t nr_exercises);

/* Reads one line written by roster_write into s. Returns 1 when the line
 * was one of them, 0 when it was something else, -1 when malformed. */
int roster_read_line(struct roster_student *s, size_t nr_exercises, const char *line);

/* Frees what s holds (not s itself; s->ex holds nr_exercises entries). */
void roster_student_release(struct roster_student *s, size_t nr_exercises);

#endif
