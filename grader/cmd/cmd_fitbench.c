/* cmd_fitbench.c - grader fitbench: how often the fitter names the right class
 *
 * Runs the corpus of grader/fitbench (small functions of known growth, one
 * file each, whose header comment states the class and the sizes) through
 * the same measurement and fit as a graded exercise, and prints per meter
 * a confusion matrix, the accuracy and, over repeated runs, how often an
 * entry got the same verdict every time. It prints figures; it is not a
 * test with a pass mark.
 *
 * An entry's class is a named class ("class: O(n log n)"), or a growth
 * between two neighbouring ones ("class: between O(n log n) and O(n^2)"
 * for n^1.5): such an entry is right when a claim of the upper class
 * passes and one of the lower class fails. Every entry is also judged
 * against a claim one class below its own (the lower class, for one in
 * between): that claim must fail, never pass by default.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "complexity.h"
#include "exitcode.h"
#include "fitbench_build.h"
#include "grade.h"
#include "parallel.h"
#include "pipeline.h"
#include "spawn.h"
#include "util.h"

/* Seconds per entry and run: far above what any takes, so that a loaded
 * machine does not cut a ladder short (the runner stops itself at half). */
#define DEFAULT_TIMEOUT 300
#define MAX_LADDER 64       /* sizes the runner accepts */
#define RETRIES 2           /* more attempts for a run that measured nothing */

struct entry {
	char *name;             /* file name without .c */
	char *path;
	enum fit_class truth;   /* the class, or the upper one of "between" */
	enum fit_class lower;   /* the lower one of "between", or FIT_NONE */
	size_t *sizes;
	size_t nr_sizes;
	double timeout;
	int exact;              /* "exact sizes: yes": its sizes run unmoved */
	char *build_dir;
	char *bench;            /* build_dir/bench */
	int built;
	char *build_log;
};

/* What one run of one entry with one meter found. */
struct outcome {
	enum status status;      /* against a claim of the entry's class */
	enum status below;       /* against a claim one class below it */
	int between;             /* the fit named no class */
	double growth;           /* the exponent at the top of the ladder */
	enum fit_class measured; /* FIT_NONE when nothing could be fitted */
	enum fit_class runner_up;
	double rms_truth, rms_best, rms_runner_up, tolerance;
	size_t points, stopped_at;
	int retries;             /* attempts that measured nothing, tried again */
	double seconds;
	char *reason;
};

struct bench {
	struct context *ctx;
	struct entry *entries;
	size_t nr_entries;
	enum meter meters[2];
	int nr_meters;
	int runs;
	uint64_t seed;
	int vary_seed;
	int quiet;
	struct outcome *outcomes; /* [meter][run][entry] */
	size_t finished, nr_tasks;
	pthread_mutex_t lock;
};

static const char *const meter_names[] = { [METER_INSTRUCTIONS] = "instructions",
					   [METER_TIME] = "time" };
static const char *const meter_titles[] = { [METER_INSTRUCTIONS] = "instructions (callgrind)",
					    [METER_TIME] = "CPU time" };

static int usage(FILE *out)
{
	fputs("usage: grader fitbench [--meter instructions|time|both] [--repeat N] [--busy]\n"
	      "                       [--jobs N] [--only NAME,...] [--seed S] [--vary-seed]\n"
	      "                       [--corpus DIR] [--root DIR] [--verbose] [--quiet] [--keep]\n"
	      "runs the fitting benchmark (grader/fitbench) and prints, per meter, the\n"
	      "confusion matrix of true against measured class, the accuracy and, with\n"
	      "--repeat, the share of entries whose verdict was the same in every run;\n"
	      "--busy keeps another core busy meanwhile\n", out);
	return out == stdout ? EXIT_PASSED : EXIT_USAGE;
}

static void entry_release(struct entry *e)
{
	free(e->name);
	free(e->path);
	free(e->sizes);
	free(e->build_dir);
	free(e->bench);
	free(e->build_log);
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t l = strlen(s);
	while (l && (s[l - 1] == ' ' || s[l - 1] == '\t' || s[l - 1] == '\r'))
		s[--l] = '\0';
	return s;
}

/* Parses "A..B xM" (A, A*M, ... up to B), "A..B +D" (A, A+D, ...) or a
 * list "A, B, C" into e->sizes. Returns 0, or -1 when s is none of them or
 * the sizes do not ascend. */
static int parse_sizes(const char *s, struct entry *e)
{
	unsigned long long first, last, step;
	char op;
	int used = 0;
	size_t alloc = 0;

	if (sscanf(s, "%llu..%llu %c%llu %n", &first, &last, &op, &step, &used) == 4 && !s[used]) {
		if (!first || last < first || (op != 'x' && op != '+') || (op == 'x' ? step < 2 : step < 1))
			return -1;
		for (unsigned long long n = first; n <= last; n = op == 'x' ? n * step : n + step) {
			if (e->nr_sizes >= MAX_LADDER)
				return -1;
			ALLOC_GROW(e->sizes, e->nr_sizes + 1, alloc);
			e->sizes[e->nr_sizes++] = (size_t)n;
			if (op == 'x' && n > last / step)
				break;
		}
	} else {
		const char *p = s;
		while (*p) {
			char *end;
			unsigned long long v = strtoull(p, &end, 10);
			if (end == p || !v || e->nr_sizes >= MAX_LADDER ||
			    (e->nr_sizes && v <= e->sizes[e->nr_sizes - 1]))
				return -1;
			ALLOC_GROW(e->sizes, e->nr_sizes + 1, alloc);
			e->sizes[e->nr_sizes++] = (size_t)v;
			p = end;
			while (*p == ' ' || *p == ',')
				p++;
		}
	}
	return e->nr_sizes >= 3 ? 0 : -1;
}

/* Parses "O(n log n)" or "between O(n log n) and O(n^2)" into e->truth
 * (and e->lower). Returns 0, or -1 when s is neither or the two classes
 * of "between" are not neighbours. */
static int parse_class(const char *s, struct entry *e)
{
	e->lower = FIT_NONE;
	if (strncmp(s, "between ", 8))
		return fit_class_parse(s, &e->truth);
	const char *and = strstr(s, " and ");
	if (!and)
		return -1;
	char *low = xstrndup(s + 8, (size_t)(and - s - 8));
	int bad = fit_class_parse(low, &e->lower) || fit_class_parse(and + 5, &e->truth) ||
		  e->truth != e->lower + 1;
	free(low);
	return bad ? -1 : 0;
}

/* The claim an entry must fail: the lower class of "between", or the class
 * below its own; FIT_NONE for O(1). */
static enum fit_class claim_below(const struct entry *e)
{
	return e->lower != FIT_NONE ? e->lower : e->truth > FIT_1 ? e->truth - 1 : FIT_NONE;
}

/* Reads an entry's header comment: its "class:", "sizes:" and, optionally,
 * "timeout:" and "exact sizes: yes" (for an entry that needs its sizes as
 * written, such as powers of two; graded code never gets this) lines. Returns 0, or -1 with each problem printed as
 * "path:line: message". */
static int parse_entry(const char *path, struct entry *e)
{
	struct buf b = BUF_INIT;
	int bad = 0, have_class = 0;
	unsigned line_no = 0;

	e->timeout = DEFAULT_TIMEOUT;
	if (read_file(&b, path)) {
		buf_release(&b);
		return error("cannot read '%s'", path);
	}
	char *end = strstr(b.buf, "*/");
	if (strncmp(b.buf, "/*", 2) || !end) {
		buf_release(&b);
		return error("%s:1: an entry opens with a comment stating its class and sizes", path);
	}
	*end = '\0';
	for (char *line = b.buf + 2, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line_no++;
		char *s = trim(line);
		if (*s == '*')
			s = trim(s + 1);
		if (!strncmp(s, "class:", 6)) {
			if (parse_class(trim(s + 6), e))
				bad = error("%s:%u: the class must be a class or 'between A and B' for two neighbouring classes: '%s'",
					    path, line_no, trim(s + 6));
			have_class = 1;
		} else if (!strncmp(s, "sizes:", 6)) {
			if (parse_sizes(trim(s + 6), e))
				bad = error("%s:%u: sizes must be 'A..B xM', 'A..B +D' or an ascending list of at least 3 (at most %d): '%s'",
					    path, line_no, MAX_LADDER, trim(s + 6));
		} else if (!strncmp(s, "timeout:", 8)) {
			char *value = trim(s + 8), *stop;
			e->timeout = strtod(value, &stop);
			if (stop == value || *stop || e->timeout <= 0)
				bad = error("%s:%u: timeout must be a number of seconds", path, line_no);
		} else if (!strncmp(s, "exact sizes:", 12)) {
			e->exact = !strncmp(trim(s + 12), "yes", 3);
		}
	}
	if (!have_class)
		bad = error("%s:1: the header comment has no 'class:' line", path);
	if (!e->nr_sizes && !bad)
		bad = error("%s:1: the header comment has no 'sizes:' line", path);
	buf_release(&b);
	return bad;
}

/* Whether name is in the comma-separated list only (NULL: every name). */
static int selected(const char *name, const char *only)
{
	if (!only)
		return 1;
	size_t l = strlen(name);
	for (const char *p = only; *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == l && !strncmp(p, name, l))
			return 1;
		p += len + (comma ? 1 : 0);
	}
	return 0;
}

/* The confusion matrix's row of an entry: its class, or after the named
 * classes one row per pair of neighbours it lies between. */
static int row_of(const struct entry *e)
{
	return e->lower != FIT_NONE ? FIT_NR_CLASSES + e->truth : e->truth;
}

static int by_class(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;
	double ka = a->lower != FIT_NONE ? a->truth - 0.5 : a->truth;
	double kb = b->lower != FIT_NONE ? b->truth - 0.5 : b->truth;
	if (ka != kb)
		return ka < kb ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* Loads the entries of dir (every *.c) in the order of their class.
 * Returns 0, or -1 with the problems printed. */
static int load_corpus(const char *dir, const char *only, struct entry **out, size_t *count)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort), bad = 0;
	size_t alloc = 0;

	*out = NULL;
	*count = 0;
	if (n < 0)
		return error("cannot read the corpus folder '%s'", dir);
	for (int i = 0; i < n; i++) {
		const char *f = names[i]->d_name;
		size_t l = strlen(f);
		if (l > 2 && !strcmp(f + l - 2, ".c")) {
			char *name = xstrndup(f, l - 2);
			if (selected(name, only)) {
				ALLOC_GROW(*out, *count + 1, alloc);
				struct entry *e = &(*out)[(*count)++];
				memset(e, 0, sizeof(*e));
				e->name = name;
				e->path = path_join(dir, f);
				if (parse_entry(e->path, e))
					bad = -1;
			} else {
				free(name);
			}
		}
		free(names[i]);
	}
	free(names);
	for (const char *p = only; p && *p;) {
		size_t len = strcspn(p, ",");
		size_t k = 0;
		while (k < *count && (strlen((*out)[k].name) != len || strncmp((*out)[k].name, p, len)))
			k++;
		if (k == *count)
			bad = error("no entry '%.*s' in %s", (int)len, p, dir);
		p += len + (p[len] == ',');
	}
	if (!bad && *count)
		qsort(*out, *count, sizeof(**out), by_class);
	return bad;
}

static char *make_dir(const char *parent, const char *name)
{
	char *dir = path_join(parent, name);
	if (mkdir(dir, 0755) || spawn_prepare_dir(dir)) {
		free(dir);
		return NULL;
	}
	return dir;
}

static struct outcome *outcome_at(const struct bench *b, int m, int run, size_t e)
{
	return &b->outcomes[((size_t)m * (size_t)b->runs + (size_t)run) * b->nr_entries + e];
}

/* One attempt at measuring entry e: what grading an exercise that claims
 * the entry's true class would find. Returns 1 when the runner measured
 * nothing at all and did not stop on its own: it could not start (on a
 * shared machine, bubblewrap or valgrind may find no process or memory
 * to spare), which says nothing about the fit. */
static int measure_once(struct bench *b, const struct entry *e, enum meter meter, int run,
			const char *run_dir, struct outcome *o)
{
	struct spec_exercise ex = { 0 };
	struct complexity_result r = { 0 };

	ex.name = e->name;
	ex.has_complexity = 1;
	ex.claim = e->truth;
	ex.meter = meter;
	ex.sizes = e->sizes;
	ex.nr_sizes = e->nr_sizes;
	ex.complexity_timeout = e->timeout;
	ex.budget_instructions = SPEC_BUDGET_INSTRUCTIONS;
	ex.exact_sizes = e->exact;
	ex.seed = b->seed + (b->vary_seed ? (uint64_t)run : 0);
	complexity_run(b->ctx, &ex, meter, e->bench, e->build_dir, run_dir, &r);
	o->status = r.status;
	o->below = ST_SKIPPED;
	o->measured = r.fitted ? r.measured : FIT_NONE;
	o->runner_up = FIT_NONE;
	o->between = r.fitted && r.fit.between;
	o->growth = r.fitted ? r.fit.growth : 0;
	if (claim_below(e) != FIT_NONE) {
		/* The same measurement, judged against the lower claim. */
		struct complexity_result low = { 0 };
		low.claim = claim_below(e);
		low.meter = meter;
		low.points = r.points;
		low.nr_points = r.nr_points;
		low.stopped_at = r.stopped_at;
		low.timed_out = r.timed_out;
		complexity_decide(&low, e->name);
		o->below = low.status;
		free(low.reason);
		free(low.reading);
	}
	if (r.fitted) {
		o->tolerance = r.fit.tolerance;
		o->rms_truth = r.fit.models[e->truth].valid ? r.fit.models[e->truth].rel_rms : -1;
		o->rms_best = r.fit.models[r.measured].rel_rms;
		o->runner_up = r.fit.runner_up;
		if (r.fit.runner_up != FIT_NONE)
			o->rms_runner_up = r.fit.models[r.fit.runner_up].rel_rms;
	}
	o->points = r.nr_points;
	o->stopped_at = r.stopped_at;
	free(o->reason);
	o->reason = r.reason ? xstrdup(r.reason) : NULL;
	int nothing = !r.nr_points && !r.stopped_at && r.status == ST_FAIL;
	free(r.points);
	free(r.reason);
	free(r.reading);
	return nothing;
}

/* Measures entry i with meter m for run number run into its outcome,
 * trying again (up to RETRIES times) when an attempt measured nothing. */
static void measure(struct bench *b, int m, int run, size_t i)
{
	const struct entry *e = &b->entries[i];
	struct outcome *o = outcome_at(b, m, run, i);
	enum meter meter = b->meters[m];
	double start = now_seconds();

	o->measured = o->runner_up = FIT_NONE;
	if (!e->built) {
		o->status = ST_SKIPPED;
		o->reason = xstrdup("did not build");
	}
	for (int attempt = 0; e->built && attempt <= RETRIES; attempt++) {
		char *name = xasprintf("%s-%d-%s-%d", meter_names[meter], run + 1, e->name, attempt);
		char *run_dir = make_dir(b->ctx->scratch, name);
		int again = 0;
		if (!run_dir) {
			o->status = ST_SKIPPED;
			free(o->reason);
			o->reason = xstrdup("cannot make a working folder");
		} else {
			again = measure_once(b, e, meter, run, run_dir, o);
			if (!b->ctx->keep)
				remove_tree(run_dir);
		}
		free(run_dir);
		free(name);
		if (!again)
			break;
		o->retries++;
		sleep(1);
	}
	o->seconds = now_seconds() - start;
}

static void measure_task(void *arg, size_t t)
{
	struct bench *b = arg;
	size_t i = t % b->nr_entries, per_meter = (size_t)b->runs * b->nr_entries;
	int m = (int)(t / per_meter), run = (int)(t % per_meter / b->nr_entries);
	measure(b, m, run, i);

	struct outcome *o = outcome_at(b, m, run, i);
	pthread_mutex_lock(&b->lock);
	b->finished++;
	if (!b->quiet)
		fprintf(stderr, "grader: fitbench: [%zu/%zu] %s run %d: %s: %s, %s (%.1f s%s)\n",
			b->finished, b->nr_tasks, meter_names[b->meters[m]], run + 1, b->entries[i].name,
			o->measured != FIT_NONE ? fit_class_name(o->measured) : "-", status_name(o->status),
			o->seconds, o->retries ? ", tried again" : "");
	pthread_mutex_unlock(&b->lock);
}

struct build_job {
	const struct context *ctx;
	struct entry *entries;
};

static void build_entry(void *arg, size_t i)
{
	struct build_job *j = arg;
	struct entry *e = &j->entries[i];
	char *name = xasprintf("build-%s", e->name);
	struct buf log = BUF_INIT;
	e->build_dir = make_dir(j->ctx->scratch, name);
	if (e->build_dir) {
		e->bench = path_join(e->build_dir, "bench");
		e->built = !fitbench_build(j->ctx, e->path, e->build_dir, &log);
	}
	e->build_log = buf_detach(&log);
	free(name);
}

/* Starts a child that spins on cpu until killed, and keeps the grader
 * (and so everything it runs) off that cpu when there is another. The
 * child is the grader's own loop, not a program: it has nothing for spawn
 * to limit, and dies with the grader if the grader is killed. Returns its
 * pid, or -1 with a message printed. */
static pid_t busy_start(int *cpu_out)
{
	cpu_set_t mine;
	int cpu = -1, count = 0;

	if (sched_getaffinity(0, sizeof(mine), &mine))
		CPU_ZERO(&mine);
	for (int c = 0; c < CPU_SETSIZE; c++)
		if (CPU_ISSET(c, &mine)) {
			cpu = c;
			count++;
		}
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0)
		return error("cannot start the busy process: %s", strerror(errno));
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(0);
		if (cpu >= 0) {
			cpu_set_t one;
			CPU_ZERO(&one);
			CPU_SET(cpu, &one);
			sched_setaffinity(0, sizeof(one), &one);
		}
		volatile uint64_t x = 1;
		for (;;)
			x = x * 6364136223846793005ull + 1442695040888963407ull;
	}
	if (count > 1) {
		CPU_CLR(cpu, &mine);
		sched_setaffinity(0, sizeof(mine), &mine);
	}
	*cpu_out = count > 1 ? cpu : -1;
	return pid;
}

static void busy_stop(pid_t pid)
{
	kill(pid, SIGKILL);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
}

/* The column of a verdict: the measured class, or one of these. */
enum { COL_BETWEEN = FIT_NR_CLASSES, COL_INCONCLUSIVE, COL_NONE, NR_COLS };
#define NR_ROWS (2 * FIT_NR_CLASSES)

static int column(const struct entry *e, const struct outcome *o)
{
	if (o->measured == FIT_NONE)
		return COL_NONE;
	if (o->status == ST_INCONCLUSIVE || (e->lower != FIT_NONE && o->below == ST_INCONCLUSIVE))
		return COL_INCONCLUSIVE;
	return o->between ? COL_BETWEEN : (int)o->measured;
}

/* Right: the named class, or for a growth in between, named as such with
 * the upper claim passed and the lower one failed. */
static int right_verdict(const struct entry *e, const struct outcome *o)
{
	if (e->lower == FIT_NONE)
		return column(e, o) == (int)e->truth;
	return column(e, o) == COL_BETWEEN && o->status == ST_PASS && o->below == ST_FAIL;
}

static const char *column_name(int c)
{
	static const char *const short_names[NR_COLS] = {
		"1", "log n", "sqrt n", "n", "n log n", "n^2", "n^3", "2^n", "btw", "inc", "n/a",
	};
	return c >= 0 && c < NR_COLS ? short_names[c] : "?";
}

/* "O(n log n)", or "n log n..n^2" for the entries in between. */
static void row_name(struct buf *out, int row)
{
	if (row < FIT_NR_CLASSES)
		buf_adds(out, fit_class_name((enum fit_class)row));
	else
		buf_addf(out, "%s..%s", column_name(row - FIT_NR_CLASSES - 1), column_name(row - FIT_NR_CLASSES));
}

/* Longer than 100 lines: one meter's section of the benchmark's output in
 * the order the docs quote it (confusion table, accuracy, time, entries
 * not always right), each part a short loop over the same tallies. */
static void print_meter(const struct bench *b, int m, int verbose)
{
	enum meter meter = b->meters[m];
	size_t cells[NR_ROWS][NR_COLS] = { { 0 } };
	size_t total = 0, right = 0, inconclusive = 0, none = 0, agree = 0, retried = 0, failed = 0;
	size_t below[3] = { 0 }, below_total = 0; /* failed, inconclusive, passed */
	double spent = 0, slowest = 0;
	const char *slowest_name = "";

	for (size_t i = 0; i < b->nr_entries; i++) {
		const struct entry *e = &b->entries[i];
		for (int run = 0; run < b->runs; run++) {
			const struct outcome *o = outcome_at(b, m, run, i);
			int c = column(e, o);
			cells[row_of(e)][c]++;
			total++;
			right += right_verdict(e, o);
			inconclusive += c == COL_INCONCLUSIVE;
			none += c == COL_NONE;
			failed += !right_verdict(e, o) && c != COL_NONE && o->status == ST_FAIL;
			if (claim_below(e) != FIT_NONE && c != COL_NONE) {
				below_total++;
				below[0] += o->below == ST_FAIL;
				below[1] += o->below == ST_INCONCLUSIVE;
				below[2] += o->below == ST_PASS;
			}
			spent += o->seconds;
			retried += o->retries > 0;
			if (o->seconds > slowest) {
				slowest = o->seconds;
				slowest_name = e->name;
			}
		}
	}

	printf("\n%s: %zu verdicts (%zu entries x %d run%s)\n", meter_titles[meter], total, b->nr_entries,
	       b->runs, b->runs == 1 ? "" : "s");
	printf("  %-14s", "true \\ got");
	for (int c = 0; c < NR_COLS; c++)
		printf(" %7s", column_name(c));
	putchar('\n');
	for (int t = 0; t < NR_ROWS; t++) {
		size_t row = 0;
		for (int c = 0; c < NR_COLS; c++)
			row += cells[t][c];
		if (!row)
			continue;
		struct buf name = BUF_INIT;
		row_name(&name, t);
		printf("  %-14s", name.buf);
		buf_release(&name);
		for (int c = 0; c < NR_COLS; c++) {
			if (cells[t][c])
				printf(" %7zu", cells[t][c]);
			else
				printf(" %7s", ".");
		}
		putchar('\n');
	}
	/* A class measured below the truth passes the claim: wrong, but only
	 * one measured above it would fail a correct submission. */
	size_t wrong = total - right - inconclusive - none;
	printf("  accuracy   %zu/%zu = %.1f%% (wrong %zu", right, total,
	       total ? 100.0 * (double)right / (double)total : 0.0, wrong);
	if (wrong)
		printf(", of which %zu would fail a correct claim", failed);
	printf("; inconclusive %zu; not measured %zu)\n", inconclusive, none);
	if (below_total)
		printf("  below      a claim one class below the truth: %zu/%zu failed, %zu inconclusive, %zu passed\n",
		       below[0], below_total, below[1], below[2]);

	for (size_t i = 0; i < b->nr_entries; i++) {
		const struct entry *e = &b->entries[i];
		int first = column(e, outcome_at(b, m, 0, i)), same = 1;
		for (int run = 1; run < b->runs; run++)
			same &= column(e, outcome_at(b, m, run, i)) == first;
		agree += same;
	}
	if (b->runs > 1)
		printf("  agreement  %zu/%zu = %.1f%% of entries got the same verdict in all %d runs\n", agree,
		       b->nr_entries, 100.0 * (double)agree / (double)b->nr_entries, b->runs);
	printf("  time       %.0f s of measuring, %.1f s per entry and run (slowest %.1f s: %s)\n", spent,
	       total ? spent / (double)total : 0.0, slowest, slowest_name);
	if (retried)
		printf("  retried    %zu run%s that measured nothing at first (the runner could not start)\n",
		       retried, retried == 1 ? "" : "s");

	/* Entries not always right, with their verdicts and the last reason. */
	int header = 0;
	for (size_t i = 0; i < b->nr_entries; i++) {
		const struct entry *e = &b->entries[i];
		size_t count[NR_COLS] = { 0 };
		const struct outcome *wrong = NULL;
		double secs = 0;
		for (int run = 0; run < b->runs; run++) {
			const struct outcome *o = outcome_at(b, m, run, i);
			count[column(e, o)]++;
			secs += o->seconds;
			if (!right_verdict(e, o) || (claim_below(e) != FIT_NONE && o->below == ST_PASS))
				wrong = o;
		}
		if (!wrong && !verbose)
			continue;
		if (!header++)
			printf("  %s:\n", verbose ? "entries" : "entries not always right");
		struct buf v = BUF_INIT, truth = BUF_INIT;
		for (int c = 0; c < NR_COLS; c++)
			if (count[c])
				buf_addf(&v, "%s%s x%zu", v.len ? ", " : "", c < FIT_NR_CLASSES ?
					 fit_class_name((enum fit_class)c) : column_name(c), count[c]);
		row_name(&truth, row_of(e));
		printf("    %-24s %-12s got %s", e->name, truth.buf, v.buf);
		if (verbose) {
			const struct outcome *o = outcome_at(b, m, 0, i);
			printf("; %.1f s/run, %zu points", secs / b->runs, o->points);
			if (o->measured != FIT_NONE)
				printf(", growth n^%.3g at the top, rel rms %.2g (true class) %.2g (best), tolerance %.2g",
				       o->growth, o->rms_truth, o->rms_best, o->tolerance);
			if (o->measured != FIT_NONE && o->runner_up != FIT_NONE)
				printf(", next %s at %.2g", fit_class_name(o->runner_up), o->rms_runner_up);
			if (claim_below(e) != FIT_NONE)
				printf(", claim %s: %s", fit_class_name(claim_below(e)), status_name(o->below));
		}
		putchar('\n');
		if (wrong && wrong->reason)
			printf("      %s\n", wrong->reason);
		else if (verbose && e->lower != FIT_NONE && outcome_at(b, m, 0, i)->reason)
			printf("      %s\n", outcome_at(b, m, 0, i)->reason);
		buf_release(&v);
		buf_release(&truth);
	}
}

/* The 1-minute load average, or -1 when unknown: on a shared machine the
 * time meter's figures mean little without it. */
static double load_average(void)
{
	struct buf b = BUF_INIT;
	double load = -1;

	if (!read_file(&b, "/proc/loadavg"))
		load = strtod(b.buf, NULL);
	buf_release(&b);
	return load;
}

/* "Intel(R) Xeon(R) ..." from /proc/cpuinfo, or "unknown cpu". */
static char *cpu_model(void)
{
	struct buf b = BUF_INIT;
	char *model = NULL;

	if (!read_file(&b, "/proc/cpuinfo")) {
		const char *p = strstr(b.buf, "model name");
		const char *colon = p ? strchr(p, ':') : NULL;
		if (colon) {
			const char *eol = strchr(colon, '\n');
			model = xstrndup(colon + 2, eol ? (size_t)(eol - colon - 2) : strlen(colon + 2));
		}
	}
	buf_release(&b);
	return model ? model : xstrdup("unknown cpu");
}

/* Longer than 100 lines: options, the corpus, building it, measuring it,
 * then the header figures (machine, load, seed) the docs quote; each step
 * is short and shares the run's locals, so it reads best as one sequence. */
int cmd_fitbench(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "meter", required_argument, NULL, 'm' }, { "repeat", required_argument, NULL, 'n' },
		{ "busy", no_argument, NULL, 'b' }, { "jobs", required_argument, NULL, 'j' },
		{ "only", required_argument, NULL, 'o' }, { "seed", required_argument, NULL, 's' },
		{ "vary-seed", no_argument, NULL, 'S' }, { "corpus", required_argument, NULL, 'c' },
		{ "root", required_argument, NULL, 'r' }, { "verbose", no_argument, NULL, 'v' },
		{ "quiet", no_argument, NULL, 'q' }, { "keep", no_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	const char *meter_arg = "both", *only = NULL, *corpus_arg = NULL, *root_arg = NULL;
	struct bench b = { 0 };
	struct context ctx = { 0 };
	int c, busy = 0, jobs = 0, verbose = 0, keep = 0, ret = EXIT_PASSED;

	b.runs = 1;
	b.seed = 1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "m:n:bj:o:s:Sc:r:vqkh", opts, NULL)) != -1) {
		switch (c) {
		case 'm': meter_arg = optarg; break;
		case 'n': b.runs = atoi(optarg); break;
		case 'b': busy = 1; break;
		case 'j': jobs = atoi(optarg); break;
		case 'o': only = optarg; break;
		case 's': b.seed = strtoull(optarg, NULL, 10); break;
		case 'S': b.vary_seed = 1; break;
		case 'c': corpus_arg = optarg; break;
		case 'r': root_arg = optarg; break;
		case 'v': verbose = 1; break;
		case 'q': b.quiet = 1; break;
		case 'k': keep = 1; break;
		case 'h': return usage(stdout);
		default: return usage(stderr);
		}
	}
	if (optind < argc || b.runs < 1 || jobs < 0)
		return usage(stderr);
	if (!strcmp(meter_arg, "instructions") || !strcmp(meter_arg, "both"))
		b.meters[b.nr_meters++] = METER_INSTRUCTIONS;
	if (!strcmp(meter_arg, "time") || !strcmp(meter_arg, "both"))
		b.meters[b.nr_meters++] = METER_TIME;
	if (!b.nr_meters) {
		error("fitbench: unknown meter '%s' (instructions, time or both)", meter_arg);
		return EXIT_USAGE;
	}

	char *root = course_root(root_arg);
	char *given = corpus_arg ? xstrdup(corpus_arg) : path_join(root, "grader/fitbench");
	/* Absolute: the compiler runs in each entry's build folder. */
	char *corpus = abs_path(given);
	if (!corpus) {
		error("fitbench: cannot find the corpus folder '%s'", given);
		free(given);
		ret = EXIT_USAGE;
		goto out;
	}
	free(given);
	if (load_corpus(corpus, only, &b.entries, &b.nr_entries) || !b.nr_entries) {
		if (!b.nr_entries)
			error("fitbench: no entries%s%s in %s", only ? " named " : "", only ? only : "", corpus);
		ret = EXIT_USAGE;
		goto out;
	}
	ctx.quiet = 1;
	ctx.keep = keep;
	if (context_init(&ctx, root) || context_harness(&ctx)) {
		ret = EXIT_INTERNAL;
		goto out;
	}
	b.ctx = &ctx;

	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	pid_t busy_pid = -1;
	int busy_cpu = -1;
	if (busy) {
		busy_pid = busy_start(&busy_cpu);
		if (busy_pid < 0) {
			ret = EXIT_INTERNAL;
			goto out;
		}
	}
	if (!jobs)
		jobs = cores > 1 ? (int)cores - busy : 1;
	double start = now_seconds(), load_before = load_average();
	time_t started = time(NULL);

	struct build_job bj = { &ctx, b.entries };
	parallel_for(b.nr_entries, jobs, build_entry, &bj);
	size_t built = 0;
	for (size_t i = 0; i < b.nr_entries; i++) {
		built += b.entries[i].built;
		if (!b.entries[i].built) {
			error("fitbench: %s does not build:\n%s", b.entries[i].path, b.entries[i].build_log);
			ret = EXIT_FAILED;
		}
	}
	if (!built) {
		if (busy_pid > 0)
			busy_stop(busy_pid);
		ret = EXIT_INTERNAL;
		goto out;
	}

	b.nr_tasks = (size_t)b.nr_meters * (size_t)b.runs * b.nr_entries;
	b.outcomes = xcalloc(b.nr_tasks, sizeof(*b.outcomes));
	pthread_mutex_init(&b.lock, NULL);
	parallel_for(b.nr_tasks, jobs, measure_task, &b);
	pthread_mutex_destroy(&b.lock);
	double wall = now_seconds() - start, load_after = load_average();
	if (busy_pid > 0)
		busy_stop(busy_pid);

	char *model = cpu_model();
	char date[32];
	strftime(date, sizeof(date), "%Y-%m-%d %H:%M", localtime(&started));
	size_t classes = 0;
	for (size_t i = 0; i < b.nr_entries; i++)
		classes += !i || row_of(&b.entries[i]) != row_of(&b.entries[i - 1]);
	printf("fitting benchmark, %s: %zu entries in %zu classes, %d run%s per meter, seed %llu%s\n", date,
	       b.nr_entries, classes, b.runs, b.runs == 1 ? "" : "s", (unsigned long long)b.seed,
	       b.vary_seed ? " + run" : "");
	printf("machine: %ld core%s (%s); %d job%s at once; ", cores, cores == 1 ? "" : "s", model, jobs,
	       jobs == 1 ? "" : "s");
	if (busy && busy_cpu >= 0)
		printf("another core kept busy (cpu %d)", busy_cpu);
	else if (busy)
		printf("a busy process sharing the only core");
	else
		printf("no load added");
	printf("; load average %.1f before, %.1f after; %s\n", load_before, load_after, spawn_isolation());
	free(model);
	for (int m = 0; m < b.nr_meters; m++)
		print_meter(&b, m, verbose);
	printf("\nwall time %.0f s\n", wall);

	for (size_t t = 0; t < b.nr_tasks; t++)
		free(b.outcomes[t].reason);
	free(b.outcomes);
out:
	if (ctx.scratch)
		context_release(&ctx);
	for (size_t i = 0; i < b.nr_entries; i++)
		entry_release(&b.entries[i]);
	free(b.entries);
	free(corpus);
	free(root);
	return ret;
}
