/* roster.c - a class at a glance: the summary batch grading keeps per student */
#include "roster.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MESSAGE_CAP 160

/* The first line of s, at most MESSAGE_CAP bytes. */
static char *first_line(const char *s)
{
	if (!s)
		return xstrdup("");
	size_t n = strcspn(s, "\n");
	return xstrndup(s, n < MESSAGE_CAP ? n : MESSAGE_CAP);
}

void roster_from_grade(struct roster_student *s, const struct grade *g)
{
	s->total = g->score;
	s->max = g->max_score;
	s->error = 0;
	for (size_t i = 0; i < g->nr_exercises; i++) {
		const struct exercise_result *r = &g->exercises[i];
		struct roster_exercise *e = &s->ex[i];

		e->score = r->score;
		e->max = r->max_score;
		for (int c = 0; c < CHECK_COUNT; c++) {
			e->status[c] = exercise_status(r, (enum check)c);
			if (!strcmp(status_name(e->status[c]), "error"))
				s->error = 1;
		}
		e->measured = r->complexity.measured;
		e->peak_heap = r->memory.status == ST_SKIPPED ? -1 : r->memory.peak_heap;
		e->heap_budget = r->memory.status == ST_SKIPPED ? -1 : r->memory.heap_budget;
		e->timed_out = r->complexity.timed_out;
		e->test_seconds = 0;
		for (size_t k = 0; k < r->tests.nr_cases; k++) {
			const struct test_case *t = &r->tests.cases[k];
			e->test_seconds += t->seconds;
			if (t->status == CASE_TIMED_OUT)
				e->timed_out = 1;
			if (t->status == CASE_CRASHED)
				e->crashed = 1;
			if (t->status == CASE_PASSED || e->nr_fails >= ROSTER_MAX_FAILS)
				continue;
			struct roster_fail *f = &e->fails[e->nr_fails++];
			f->test = xstrdup(t->name);
			/* A hidden test's message is not shown to students; the
			 * class page is the instructor's, but keep it uniform. */
			f->message = t->hidden ? xstrdup(case_status_name(t->status)) : first_line(t->message);
		}
	}
}

/* Tabs, newlines and backslashes escaped, so a field stays on its line. */
static void add_field(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\t')
			buf_adds(out, "\\t");
		else if (*s == '\n')
			buf_adds(out, "\\n");
		else if (*s == '\\')
			buf_adds(out, "\\\\");
		else
			buf_add(out, s, 1);
	}
}

void roster_write(struct buf *out, const struct roster_student *s, size_t nr_exercises)
{
	for (size_t i = 0; i < nr_exercises; i++) {
		const struct roster_exercise *e = &s->ex[i];
		buf_addf(out, "rx %zu %.17g %.17g", i, e->score, e->max);
		for (int c = 0; c < CHECK_COUNT; c++)
			buf_addf(out, " %s", status_name(e->status[c]));
		buf_addf(out, " %d %lld %lld %.6f %d %d\n", (int)e->measured, e->peak_heap, e->heap_budget,
			 e->test_seconds, e->timed_out, e->crashed);
		for (size_t k = 0; k < e->nr_fails; k++) {
			buf_addf(out, "rf %zu ", i);
			add_field(out, e->fails[k].test);
			buf_adds(out, "\t");
			add_field(out, e->fails[k].message);
			buf_adds(out, "\n");
		}
	}
}

static int parse_status(const char *word, enum status *out)
{
	for (int i = 0; i < 16; i++) {
		const char *name = status_name((enum status)i);
		if (!strcmp(name, "unknown"))
			break;
		if (!strcmp(name, word)) {
			*out = (enum status)i;
			return 0;
		}
	}
	return -1;
}

/* Undoes add_field in place, up to a tab or the end; returns the rest
 * after the tab, or NULL at the end. */
static char *take_field(char *s)
{
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r == '\t') {
			*w = '\0';
			return r + 1;
		}
		if (*r == '\\' && r[1]) {
			r++;
			*w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return NULL;
}

int roster_read_line(struct roster_student *s, size_t nr_exercises, const char *line)
{
	size_t i;
	int used = 0;

	if (!strncmp(line, "rx ", 3)) {
		char st[CHECK_COUNT][24];
		int measured, timed_out, crashed;
		struct roster_exercise e;
		memset(&e, 0, sizeof(e));
		if (sscanf(line + 3, "%zu %lf %lf %23s %23s %23s %23s %d %lld %lld %lf %d %d%n", &i, &e.score, &e.max,
			   st[0], st[1], st[2], st[3], &measured, &e.peak_heap, &e.heap_budget, &e.test_seconds,
			   &timed_out, &crashed, &used) != 13 || i >= nr_exercises)
			return -1;
		for (int c = 0; c < CHECK_COUNT; c++) {
			if (parse_status(st[c], &e.status[c]))
				return -1;
			if (!strcmp(st[c], "error"))
				s->error = 1;
		}
		e.measured = measured >= 0 && measured < FIT_NR_CLASSES ? (enum fit_class)measured : FIT_NONE;
		e.timed_out = timed_out;
		e.crashed = crashed;
		/* Failing tests come on their own lines, after this one. */
		for (size_t k = 0; k < s->ex[i].nr_fails; k++) {
			free(s->ex[i].fails[k].test);
			free(s->ex[i].fails[k].message);
		}
		s->ex[i] = e;
		return 1;
	}
	if (!strncmp(line, "rf ", 3)) {
		if (sscanf(line + 3, "%zu %n", &i, &used) != 1 || !used || i >= nr_exercises)
			return -1;
		struct roster_exercise *e = &s->ex[i];
		if (e->nr_fails >= ROSTER_MAX_FAILS)
			return 1;
		char *copy = xstrdup(line + 3 + used);
		char *rest = take_field(copy);
		if (!rest) {
			free(copy);
			return -1;
		}
		e->fails[e->nr_fails].test = xstrdup(copy);
		take_field(rest);
		e->fails[e->nr_fails].message = xstrdup(rest);
		e->nr_fails++;
		free(copy);
		return 1;
	}
	return 0;
}

void roster_student_release(struct roster_student *s, size_t nr_exercises)
{
	for (size_t i = 0; s->ex && i < nr_exercises; i++)
		for (size_t k = 0; k < s->ex[i].nr_fails; k++) {
			free(s->ex[i].fails[k].test);
			free(s->ex[i].fails[k].message);
		}
	free(s->ex);
	free(s->id);
	free(s->report);
	s->ex = NULL;
	s->id = s->report = NULL;
}
