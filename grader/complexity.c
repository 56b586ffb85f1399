/* complexity.c - measure growth at a ladder of sizes and check the claim */
#include "complexity.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <signal.h>

#include "harness/protocol.h"
#include "spawn.h"
#include "tests.h"
#include "build.h"
#include "util.h"
#include "valgrind/callgrind.h"
#include "valgrind/channel.h"

/* Relative noise of each meter, for the fit: instruction counts repeat
 * exactly; CPU time on a shared machine wanders by a few percent. */
static const double meter_noise[] = { [METER_INSTRUCTIONS] = 0, [METER_TIME] = 0.05 };
/* ... except for threaded code: which thread takes a lock first, and how
 * often a waiter spins or wakes, change with the scheduling, and so the
 * counts, by up to 8% at the same size (a pool of two workers running n
 * tasks, measured 253k and 274k instructions at n = 483 in two runs). */
#define THREADED_NOISE 0.08

static double noise_of(const struct complexity_result *out)
{
	double noise = meter_noise[out->meter];
	return out->threaded && noise < THREADED_NOISE ? THREADED_NOISE : noise;
}

static void add_point(struct complexity_result *out, size_t n, double cost, size_t *alloc)
{
	ALLOC_GROW(out->points, out->nr_points + 1, *alloc);
	out->points[out->nr_points].n = n;
	out->points[out->nr_points].cost = cost;
	out->nr_points++;
}

/* "1.5" for 1.496, "0.33" for 0.327: an exponent as a sentence gives it. */
static void add_exponent(struct buf *s, double k)
{
	char num[32];
	snprintf(num, sizeof(num), "%.2f", k);
	size_t l = strlen(num);
	while (l > 1 && num[l - 1] == '0')
		num[--l] = '\0';
	if (l > 1 && num[l - 1] == '.')
		num[--l] = '\0';
	buf_addf(s, "n^%s", num);
}

/* "about n^1.5, between O(n log n) and O(n^2)" for a growth no class
 * describes; "about n^4, faster than O(n^3)" above them all. */
static void add_between(struct buf *s, const struct fit_result *f)
{
	buf_adds(s, "about ");
	add_exponent(s, f->growth);
	if (f->best == FIT_EXP && !f->models[FIT_EXP].valid)
		buf_addf(s, ", faster than %s", fit_class_name(FIT_N3));
	else if (f->best > FIT_1)
		buf_addf(s, ", between %s and %s", fit_class_name(f->best - 1), fit_class_name(f->best));
	else
		buf_adds(s, ", following no class");
}

/* " (the cost steps up 4.5x between n = 4096 and 8192: the code changes
 * path there; a step, not growth)", or nothing without a step. */
static void add_step(struct buf *s, const struct fit_result *f)
{
	if (!f->jump)
		return;
	buf_addf(s, " (the cost steps %s %.2gx between n = %.0f and %.0f, where the code takes another path: a step, not growth)",
		 f->jump_factor >= 1 ? "up" : "down", f->jump_factor >= 1 ? f->jump_factor : 1 / f->jump_factor,
		 f->jump_n0, f->jump_n1);
}

static char *reading(const struct complexity_result *out)
{
	if (out->nr_points < 2)
		return NULL;
	const struct cost_point *a = &out->points[out->nr_points - 2], *b = &out->points[out->nr_points - 1];
	double factor = b->cost / (a->cost > 0 ? a->cost : 1);
	double rn = (double)b->n / (double)a->n;
	struct buf s = BUF_INIT;

	if (fabs(rn - 2) < 0.01)
		buf_adds(&s, "doubling n");
	else if (b->n - a->n <= 4)
		buf_addf(&s, "adding %zu to n", b->n - a->n);
	else
		buf_addf(&s, "multiplying n by %.3g", rn);
	buf_addf(&s, " (%zu to %zu) multiplied the cost by %.2f", a->n, b->n, factor);
	if (out->fitted && out->fit.between) {
		buf_adds(&s, ": ");
		add_between(&s, &out->fit);
	} else if (out->measured != FIT_NONE) {
		buf_addf(&s, ": %s", fit_class_word(out->measured));
	}
	if (out->fitted)
		add_step(&s, &out->fit);
	if (out->threaded && out->meter == METER_INSTRUCTIONS)
		buf_addf(&s, " (the code started threads: counts vary by up to %.0f%% with their scheduling, and the fit allows for it)",
			 THREADED_NOISE * 100);
	return buf_detach(&s);
}

void complexity_refit(struct complexity_result *out)
{
	out->measured = out->runner_up = FIT_NONE;
	out->fitted = 0;
	if (out->nr_points >= 3) {
		struct fit_point pts[64];
		size_t n = out->nr_points < 64 ? out->nr_points : 64;
		for (size_t i = 0; i < n; i++) {
			pts[i].n = (double)out->points[i].n;
			pts[i].cost = out->points[i].cost;
		}
		if (!fit_models(pts, n, noise_of(out), &out->fit)) {
			out->fitted = 1;
			out->measured = out->fit.best;
			out->runner_up = out->fit.runner_up;
		}
	}
	free(out->reading);
	out->reading = reading(out);
}

/* "; has_duplicates.c:16 is the line that makes it slow: its count grows
 * as about n^2 (3.9x from n = 4075 to 8015), 50% of the instructions at
 * n = 8015", after a failing reason. */
static void add_hot_line(struct complexity_result *out)
{
	const struct hot_line *h = &out->hot;
	if (out->status != ST_FAIL || !h->file || !out->reason)
		return;
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s; %s:%u is the line that makes it slow: its count grows as about ", out->reason, h->file,
		 h->line);
	add_exponent(&b, h->growth);
	buf_addf(&b, " (%.2fx from n = %zu to %zu), %.0f%% of the instructions at n = %zu",
		 pow((double)h->n1 / (double)h->n0, h->growth), h->n0, h->n1, h->share * 100, h->n1);
	free(out->reason);
	out->reason = buf_detach(&b);
}

void complexity_decide(struct complexity_result *out, const char *fn)
{
	const char *claim = fit_class_name(out->claim);

	complexity_refit(out);
	if (out->reason) /* exited or crashed: already decided */
		return;

	if (!out->fitted) {
		if (out->stopped_at && (out->by_clock || out->timed_out)) {
			out->status = ST_FAIL;
			out->reason = xasprintf("%s is too slow to measure: at n = %zu the run went past its time limit, so it grows faster than the claimed %s",
						fn, out->stopped_at, claim);
		} else if (out->stopped_at) {
			/* the counts stopped the ladder: the same on any machine */
			out->status = ST_FAIL;
			out->reason = xasprintf("%s is too slow to measure: its cost grew so fast that n = %zu would take the ladder past its budget of instructions, so it grows faster than the claimed %s",
						fn, out->stopped_at, claim);
			add_hot_line(out);
		} else {
			out->status = ST_INCONCLUSIVE;
			out->reason = xasprintf("only %zu sizes could be measured: too few to tell a growth class", out->nr_points);
		}
		return;
	}
	const struct fit_result *f = &out->fit;
	const char *measured = fit_class_name(out->measured);
	struct buf r = BUF_INIT;
	switch (fit_judge(f, out->claim)) {
	case FIT_PASS:
		out->status = ST_PASS;
		if (f->between) {
			buf_adds(&r, "measured growth ");
			add_between(&r, f);
			buf_addf(&r, ", within the claimed %s", claim);
		} else {
			buf_addf(&r, "measured %s, within the claimed %s", measured, claim);
		}
		break;
	case FIT_INCONCLUSIVE:
		out->status = ST_INCONCLUSIVE;
		if (f->between) {
			buf_adds(&r, "the cost grows as about ");
			add_exponent(&r, f->growth);
			buf_addf(&r, " at the largest sizes, a little faster than the claimed %s (", claim);
			add_exponent(&r, fit_class_growth(f, out->claim));
			buf_adds(&r, " there), and no class fits it well: the ladder cannot tell; not counted against you");
		} else if (out->measured == out->claim) {
			/* Admitted only by its fitted model's growth. */
			buf_addf(&r, "at the largest sizes the cost grows as about ");
			add_exponent(&r, f->growth);
			buf_addf(&r, ", faster than %s itself (", claim);
			add_exponent(&r, fit_class_growth(f, out->claim));
			buf_adds(&r, " there); it fits the claim only with a negative lower-order term, and the ladder cannot tell that from a growth a little faster; not counted against you");
		} else {
			buf_addf(&r, "the data cannot decide between %s and the claimed %s; not counted against you",
				 measured, claim);
		}
		break;
	case FIT_FAIL:
		out->status = ST_FAIL;
		if (f->between) {
			buf_addf(&r, "%s grows as ", fn);
			add_between(&r, f);
			buf_addf(&r, ", faster than the claimed %s", claim);
		} else {
			buf_addf(&r, "%s grows as %s (%s), but the spec asks for %s", fn, measured,
				 fit_class_word(out->measured), claim);
		}
		if (out->stopped_at && out->timed_out)
			buf_addf(&r, "; at n = %zu it ran out of time", out->stopped_at);
		else if (out->stopped_at)
			buf_addf(&r, out->by_clock
					 ? "; n = %zu was not run: it would have taken longer than the time budget"
					 : "; n = %zu was not run: its projected instruction count is over the ladder's budget",
				 out->stopped_at);
		break;
	}
	add_step(&r, f);
	out->reason = buf_detach(&r);
	add_hot_line(out);
}

size_t complexity_ladder_stop(const size_t *sizes, size_t nr_sizes, const double *counts, size_t k,
			      double budget)
{
	double spent = 0;
	for (size_t i = 0; i < k && i < nr_sizes; i++) {
		spent += counts[i];
		if (i + 1 >= nr_sizes)
			break;
		double next = counts[i];
		if (i > 0 && counts[i - 1] > 0 && sizes[i] > sizes[i - 1] && sizes[i - 1] > 0) {
			/* the last step's growth, carried over the next step's ratio of n */
			double growth = counts[i] / counts[i - 1];
			double exponent = log((double)sizes[i + 1] / (double)sizes[i]) /
					  log((double)sizes[i] / (double)sizes[i - 1]);
			next = counts[i] * pow(growth > 1 ? growth : 1, exponent);
		}
		if (spent + next > budget)
			return i + 1;
	}
	return nr_sizes;
}

/* Shared with the channel's reading thread while the ladder runs: it
 * reads each dump as it comes and stops the run as soon as the counts say
 * the next size is over the budget. */
struct watch {
	const struct spec_exercise *ex;
	size_t stop;     /* the first size index not to run, nr_sizes if none */
	int cancel;      /* for spawn */
};

/* The index of the size a part was dumped for ("Client Request: n=N"), or
 * -1. */
static long part_size(const struct callgrind_part *p, const struct spec_exercise *ex, size_t expect)
{
	size_t n;
	char tail;
	if (!p->trigger || sscanf(p->trigger, "Client Request: n=%zu%c", &n, &tail) != 1)
		return -1;
	return expect < ex->nr_sizes && ex->sizes[expect] == n ? (long)expect : -1;
}

static void on_dump(const struct buf *data, void *arg)
{
	struct watch *w = arg;
	struct callgrind_stream st = CALLGRIND_STREAM_INIT;
	double counts[PROTOCOL_MAX_SIZES];
	size_t k = 0;

	callgrind_parse(data->buf, data->len, &st, NULL);
	while (k < st.nr && k < PROTOCOL_MAX_SIZES && part_size(&st.parts[k], w->ex, k) == (long)k) {
		counts[k] = st.parts[k].total;
		k++;
	}
	callgrind_release(&st);
	size_t stop = complexity_ladder_stop(w->ex->sizes, w->ex->nr_sizes, counts, k, w->ex->budget_instructions);
	if (stop < w->ex->nr_sizes && k >= stop) {
		w->stop = stop;
		__atomic_store_n(&w->cancel, 1, __ATOMIC_RELEASE);
	}
}

/* The least instructions per millisecond callgrind runs code at on any
 * machine we grade on, however busy: about 50 times below what it does on
 * a quiet one (30000 to 80000). A size counted below this for the time it
 * took was not counted honestly. */
#define MIN_RATE 500.0
/* Times shorter than this say nothing (a descheduled process, a dump). */
#define MIN_MS 250.0
/* Within one run the rate of the same code stays within a few times; a
 * fall of more than this from the smaller sizes to the larger is a meter
 * that lost count. */
#define MAX_RATE_FALL 25.0

/* "measurements disagree: ..." when the counts are far below what the
 * clock says was executed; NULL when they agree. ms[i] is the wall time
 * of out->points[i] under callgrind, 0 when unknown. */
static char *disagreement(const struct complexity_result *out, const double *ms)
{
	double best_rate = 0;
	size_t best = 0;
	for (size_t i = 0; i < out->nr_points; i++) {
		if (ms[i] < MIN_MS)
			continue;
		double rate = out->points[i].cost / ms[i];
		if (rate < MIN_RATE)
			return xasprintf("measurements disagree: at n = %zu the counter says %.0f instructions, but the size took %.0f ms under callgrind, which runs at least %.0f instructions per ms: the count was cut short from inside",
					 out->points[i].n, out->points[i].cost, ms[i], MIN_RATE);
		if (rate > best_rate) {
			best_rate = rate;
			best = i;
		} else if (best_rate / rate > MAX_RATE_FALL) {
			return xasprintf("measurements disagree: from n = %zu to n = %zu the counted instructions went from %.0f to %.0f, but the time from %.0f ms to %.0f ms: the counter lost track of the work",
					 out->points[best].n, out->points[i].n, out->points[best].cost,
					 out->points[i].cost, ms[best], ms[i]);
		}
	}
	return NULL;
}

/* The dumps were not what one callgrind process writes for this ladder:
 * the measurement cannot be believed, whoever spoiled it. An error, never
 * a pass: the grade is incomplete, and the instructor sees why. */
static void measurement_error(struct complexity_result *out, const char *why)
{
	out->status = ST_ERROR;
	out->measurement_error = 1;
	out->reason = xasprintf("measurement error: %s", why);
}

static char *size_list(const struct spec_exercise *ex)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < ex->nr_sizes; i++)
		buf_addf(&b, "%s%zu", i ? "," : "", ex->sizes[i]);
	return buf_detach(&b);
}

/* Reads the dumps of an instructions run into out->points: one part per
 * size in the ladder's order, then at most one at the program's end, and
 * nothing else. Returns 0, or -1 after measurement_error(). killed: the run
 * was stopped, so a last part cut short is expected. */
/* The share of the cost a line must have at the largest size to be named:
 * below it, its growth is not what makes the whole slow. */
#define HOT_MIN_SHARE 0.05

static int by_line(const void *x, const void *y)
{
	unsigned a = ((const struct hot_cost *)x)->line, b = ((const struct hot_cost *)y)->line;
	return (a > b) - (a < b);
}

/* The count of l's file and line in part p (another size), or 0. */
static double cost_in(const struct callgrind_part *p, const struct callgrind_line *l)
{
	double cost = 0;
	for (size_t j = 0; j < p->nr_lines; j++)
		if (p->lines[j].line == l->line && !strcmp(p->lines[j].file, l->file))
			cost = p->lines[j].cost;
	return cost;
}

/* Names in out->hot the own line whose count grows fastest between the
 * last two of the first `keep` parts (the larger cost on a tie). */
static void find_hot_line(const struct callgrind_stream *st, size_t keep, const struct spec_exercise *ex,
			  struct complexity_result *out)
{
	if (keep < 2)
		return;
	const struct callgrind_part *a = &st->parts[keep - 2], *b = &st->parts[keep - 1];
	double rn = (double)ex->sizes[keep - 1] / (double)ex->sizes[keep - 2];
	const struct callgrind_line *best = NULL;
	double best_growth = 0;
	if (!(rn > 1) || !(b->total > 0))
		return;
	for (size_t i = 0; i < b->nr_lines; i++) {
		const struct callgrind_line *l = &b->lines[i];
		if (l->cost < HOT_MIN_SHARE * b->total)
			continue;
		double before = cost_in(a, l);
		if (!(before > 0))
			continue;
		double g = log(l->cost / before) / log(rn);
		if (!best || g > best_growth + 0.1 || (g > best_growth - 0.1 && l->cost > best->cost)) {
			best = l;
			best_growth = g;
		}
	}
	if (!best)
		return;
	out->hot.file = xstrdup(best->file);
	out->hot.line = best->line;
	out->hot.growth = best_growth;
	out->hot.share = best->cost / b->total;
	out->hot.n0 = ex->sizes[keep - 2];
	out->hot.n1 = ex->sizes[keep - 1];
	/* Its file's every counted line, for a source excerpt (the HTML
	 * report): in line order, as callgrind gives them or not. */
	size_t alloc = 0;
	for (size_t i = 0; i < b->nr_lines; i++) {
		const struct callgrind_line *l = &b->lines[i];
		if (strcmp(l->file, best->file) || !(l->cost > 0))
			continue;
		double before = cost_in(a, l);
		ALLOC_GROW(out->hot.costs, out->hot.nr_costs + 1, alloc);
		out->hot.costs[out->hot.nr_costs++] = (struct hot_cost){
			l->line, l->cost, before > 0 ? log(l->cost / before) / log(rn) : NAN
		};
	}
	qsort(out->hot.costs, out->hot.nr_costs, sizeof(*out->hot.costs), by_line);
}

static int read_dumps(const struct channel *ch, const struct spec_exercise *ex, int killed,
		      const char *const *own, size_t stop, struct complexity_result *out, size_t *alloc)
{
	struct callgrind_stream st = CALLGRIND_STREAM_INIT;
	char *err = NULL;
	int ret = -1;

	if (ch->overflow) {
		measurement_error(out, "callgrind wrote more than the grader keeps");
	} else if (callgrind_parse_lines(ch->data.buf, ch->data.len, own, &st, &err)) {
		char *why = xasprintf("callgrind's dumps are not what callgrind writes (%s)", err);
		measurement_error(out, why);
		free(why);
	} else if (st.truncated && !killed) {
		measurement_error(out, "callgrind's last dump was cut short");
	} else {
		size_t k = 0;
		while (k < st.nr && part_size(&st.parts[k], ex, k) == (long)k)
			k++;
		int end = k < st.nr && st.parts[k].trigger && !strcmp(st.parts[k].trigger, "Program termination");
		if (k + (size_t)end != st.nr) {
			char *why = xasprintf("an unexpected dump (part %u, \"%.60s\")", st.parts[k].number,
					      st.parts[k].trigger ? st.parts[k].trigger : "");
			measurement_error(out, why);
			free(why);
		} else {
			for (size_t i = 0; i < k; i++)
				add_point(out, ex->sizes[i], st.parts[i].total > 0 ? st.parts[i].total : 1, alloc);
			find_hot_line(&st, k < stop ? k : stop, ex, out);
			ret = 0;
		}
	}
	free(err);
	callgrind_release(&st);
	return ret;
}

/* ex as the runner runs it: each size moved by protocol_jitter, which the
 * runner applies to the sizes it is given. Free the copy's sizes. */
static struct spec_exercise jittered(const struct spec_exercise *ex)
{
	struct spec_exercise jx = *ex;
	size_t *sizes = xcalloc(ex->nr_sizes ? ex->nr_sizes : 1, sizeof(*sizes));
	for (size_t i = 0; i < ex->nr_sizes; i++)
		sizes[i] = ex->exact_sizes ? ex->sizes[i] : protocol_jitter(ex->sizes[i], ex->seed, i ? sizes[i - 1] : 0);
	jx.sizes = sizes;
	return jx;
}

/* One ladder, of input family `family` (0 without families). */
static void run_family(const struct spec_exercise *spec_ex, enum meter meter, const char *bench,
		       const char *build_dir, const char *run_dir, unsigned family,
		       struct complexity_result *out)
{
	/* The spec's sizes go to the runner; what comes back is compared
	 * with the sizes it runs. */
	char *sizes = size_list(spec_ex);
	struct spec_exercise jx = jittered(spec_ex);
	const struct spec_exercise *ex = &jx;
	char *sizes_arg = xasprintf("--sizes=%s", sizes);
	char *seed = xasprintf("--seed=%llu", (unsigned long long)ex->seed);
	char *family_arg = xasprintf("--family=%u", family);
	int instr = meter == METER_INSTRUCTIONS;
	/* Under the instructions meter the counts decide where the ladder
	 * stops; the runner's own clock only ends a run that could not finish
	 * at all, a little before the wall-clock timeout. Under the time
	 * meter the runner stops before a size it projects past half the
	 * limit. */
	char *budget = xasprintf("--budget-ms=%.0f", ex->complexity_timeout * (instr ? 900 : 500));
	const char *binds[] = { build_dir, NULL };
	const char *argv[24];
	size_t n = 0, alloc = 0;
	struct buf rec = BUF_INIT;
	struct channel ch = CHANNEL_INIT;
	struct watch watch = { ex, ex->nr_sizes, 0 };
	char *out_file = NULL, *crash = NULL;
	int fds[2 * 1 + 1] = { -1 };
	double ms[PROTOCOL_MAX_SIZES] = { 0 };

	out->claim = ex->claim;
	out->meter = meter;
	out->measured = out->runner_up = FIT_NONE;
	if (instr) {
		struct channel *chs[] = { &ch };
		if (channel_open(&ch, CHANNEL_PIPE, 0, on_dump, &watch)) {
			measurement_error(out, "cannot make a channel for callgrind's dumps");
			goto done;
		}
		channel_fds(chs, 1, fds);
		out_file = xasprintf("--callgrind-out-file=%s", ch.path);
		argv[n++] = "valgrind";
		argv[n++] = "--tool=callgrind";
		argv[n++] = out_file;
		argv[n++] = "--combine-dumps=yes";
		argv[n++] = "--vgdb=no";
		/* names and line numbers in full: per-line counts name the
		 * line that makes the code slow (find_hot_line) */
		argv[n++] = "--compress-strings=no";
		argv[n++] = "--compress-pos=no";
		argv[n++] = "-q";
	}
	argv[n++] = bench;
	argv[n++] = instr ? "--mode=instr" : "--mode=time";
	argv[n++] = sizes_arg;
	argv[n++] = seed;
	argv[n++] = family_arg;
	argv[n++] = budget;
	if (ex->exact_sizes)
		argv[n++] = "--exact-sizes";
	argv[n++] = "--out=bench.out";
	argv[n] = NULL;

	/* Resolve every library call up front: lazy binding would charge the
	 * first size for the loader's work. */
	const char *env[] = {
		"LD_BIND_NOW=1",
		/* glibc's x86 memcpy switches to rep movsb from 16 KiB up and to
		 * non-temporal stores past a few MiB; valgrind counts those as
		 * different numbers of instructions per byte, which bends the
		 * growth curve. One code path at every size keeps it straight. */
		"GLIBC_TUNABLES=glibc.cpu.x86_rep_movsb_threshold=1152921504606846975:"
		"glibc.cpu.x86_non_temporal_threshold=1152921504606846975:"
		"glibc.cpu.x86_rep_stosb_threshold=1152921504606846975",
		NULL
	};
	struct spawn sp = {
		SPAWN_UNDER_TOOL, .argv = argv, .env = env, .cwd = run_dir, .ro_binds = binds,
		.timeout = ex->complexity_timeout, .give_fds = instr ? fds : NULL, .nofile = instr ? channel_nofile() : 0,
		.cancel = instr ? &watch.cancel : NULL,
	};
	struct spawn_result res = SPAWN_RESULT_INIT;
	spawn_run(&sp, &res);
	if (instr)
		channel_finish(&ch);

	char *path = path_join(run_dir, "bench.out");
	read_file(&rec, path);
	free(path);

	size_t measured = 0, stopped = 0, started = 0;
	char *save = NULL;
	for (char *line = strtok_r(rec.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		size_t sz;
		double cost, took;
		char how[32];
		int status, at = 0;
		unsigned threads;
		if (sscanf(line, "size %zu %lf", &sz, &cost) == 2 && !instr) {
			add_point(out, sz, cost > 0 ? cost : 1, &alloc);
			measured++;
			started = 0;
		} else if (sscanf(line, "size %zu - %lf", &sz, &took) == 2) {
			if (measured < PROTOCOL_MAX_SIZES && measured < ex->nr_sizes && ex->sizes[measured] == sz)
				ms[measured] = took;
			measured++;
			started = 0;
		} else if (sscanf(line, "size %zu", &sz) == 1) {
			measured++;
			started = 0;
		} else if (!strncmp(line, "crash\t", 6) && !crash) {
			crash = tests_crash_place(bench, build_dir, line + 6);
		} else if (sscanf(line, "start %zu", &sz) == 1) {
			started = sz;
		} else if (sscanf(line, "threads %u", &threads) == 1) {
			out->threaded = threads > 0;
		} else if (sscanf(line, "wrong %zu %n", &sz, &at) == 1 && at && !out->reason) {
			/* The driver's bench_check() text, printable already. */
			out->status = ST_FAIL;
			out->reason = xasprintf("%s gave a wrong answer at n = %zu in the benchmark (%.120s)",
						ex->subject, sz, line + at);
		} else if (sscanf(line, "stop %zu %31s", &sz, how) == 2) {
			stopped = sz;
			out->timed_out = !strcmp(how, "timeout");
		} else if (sscanf(line, "exit %31s %d", how, &status) == 2 && !out->reason) {
			out->status = ST_FAIL;
			out->reason = !strcmp(how, "abort")
				? xasprintf("%s called abort() (at n = %zu)", ex->subject,
					    started ? started : measured < ex->nr_sizes ? ex->sizes[measured] : 0)
				: xasprintf("%s called %s(%d), which ends the whole program (at n = %zu)", ex->subject, how,
					    status, started ? started : measured < ex->nr_sizes ? ex->sizes[measured] : 0);
		}
	}
	if (instr) {
		int killed = res.cancelled || res.timed_out || res.signal == SIGKILL;
		char **own = build_own_files(build_dir, ex->name);
		int bad = read_dumps(&ch, ex, killed, (const char *const *)own, watch.stop, out, &alloc);
		strv_free(own);
		if (bad) {
			/* out->reason says what went wrong */
			out->nr_points = 0;
		} else {
			measured = out->nr_points;
			if (watch.stop < ex->nr_sizes && out->nr_points > watch.stop)
				out->nr_points = watch.stop; /* measured past the budget: not evidence */
		}
	}

	/* The runner moves each size a little (protocol_jitter): a size it
	 * started and did not finish is the one that ran out. */
	size_t next = started ? started : measured < ex->nr_sizes ? ex->sizes[measured] : 0;
	if (out->measurement_error) {
		; /* decided */
	} else if (instr && watch.stop < ex->nr_sizes && out->nr_points == watch.stop) {
		/* the counts stopped the ladder: the same on any machine */
		out->stopped_at = ex->sizes[watch.stop];
		out->timed_out = 0;
	} else if (stopped || res.timed_out) {
		/* the clock cut the ladder short */
		out->stopped_at = stopped ? stopped : next;
		out->timed_out = out->timed_out || res.timed_out;
		out->by_clock = 1;
	} else if (!out->reason && res.exec_failed) {
		/* A program that cannot be started is the machine's fault. */
		out->status = ST_ERROR;
		out->reason = xasprintf("grader: cannot run the benchmark: %s; the growth was not measured (install valgrind: make deps)",
					res.out.buf);
	} else if (!out->reason && res.status && next) {
		out->status = ST_FAIL;
		if (res.signal || res.status > 128)
			out->reason = xasprintf("%s crashed at n = %zu: %s%s%s", ex->subject, next,
						strsignal(res.signal ? res.signal : res.status - 128),
						crash ? " at " : "", crash ? crash : "");
		else
			out->reason = xasprintf("the benchmark stopped with status %d at n = %zu", res.status, next);
	}
	if (instr && !out->reason) {
		char *why = disagreement(out, ms);
		if (why) {
			out->status = ST_FAIL;
			out->reason = why;
		}
	}
	if (instr && out->by_clock && !out->reason && out->nr_points >= 2) {
		/* The counts allowed this size, the clock did not finish it: a
		 * machine too slow or too busy, or a meter that lost count. */
		struct buf why = BUF_INIT;
		buf_addf(&why, "n = %zu could not be measured within the time limit on this machine, though the sizes before it (%.0f instructions at n = %zu) say it fits the budget; not counted against you",
			 out->stopped_at, out->points[out->nr_points - 1].cost, out->points[out->nr_points - 1].n);
		out->status = ST_INCONCLUSIVE;
		out->reason = buf_detach(&why);
	}
	complexity_decide(out, ex->subject);

	spawn_result_release(&res);
done:
	channel_release(&ch);
	buf_release(&rec);
	free(crash);
	free(out_file);
	free(jx.sizes);
	free(sizes);
	free(sizes_arg);
	free(seed);
	free(family_arg);
	free(budget);
}

/* How bad a family's result is: an error, then a fail, then inconclusive,
 * then pass; within one, the faster growth. */
static int worse(const struct complexity_result *a, const struct complexity_result *b)
{
	static const int rank[] = { [ST_PASS] = 0, [ST_SKIPPED] = 0, [ST_INCONCLUSIVE] = 1, [ST_FAIL] = 2, [ST_ERROR] = 3 };
	if (rank[a->status] != rank[b->status])
		return rank[a->status] > rank[b->status];
	if (a->measured != b->measured)
		return a->measured != FIT_NONE && (b->measured == FIT_NONE || a->measured > b->measured);
	return a->fitted && b->fitted && a->fit.growth > b->fit.growth + 0.05;
}

static void release(struct complexity_result *r)
{
	free(r->points);
	free(r->reason);
	free(r->reading);
	free(r->family);
	free(r->hot.file);
	free(r->hot.costs);
	memset(r, 0, sizeof(*r));
}

void complexity_run(const struct context *ctx, const struct spec_exercise *ex, enum meter meter,
		    const char *bench, const char *build_dir, const char *run_dir,
		    struct complexity_result *out)
{
	size_t nr = ex->nr_families;
	(void)ctx;

	if (nr < 2) {
		run_family(ex, meter, bench, build_dir, run_dir, 0, out);
		if (nr)
			out->family = xstrdup(ex->families[0]);
		return;
	}
	/* A whole ladder per family; the worst is the verdict, and the
	 * reason says how the others did. */
	struct complexity_result *each = xcalloc(nr, sizeof(*each));
	size_t worst = 0, ran = 0;
	for (size_t f = 0; f < nr; f++) {
		run_family(ex, meter, bench, build_dir, run_dir, (unsigned)f, &each[f]);
		ran++;
		if (f && worse(&each[f], &each[worst]))
			worst = f;
		/* Not measured (the grade is incomplete anyway), or failed:
		 * no other family can make the verdict better, and a slow
		 * submission should not be waited for twice. */
		if (each[f].status == ST_ERROR || each[f].status == ST_FAIL)
			break;
	}
	*out = each[worst];
	memset(&each[worst], 0, sizeof(each[worst]));
	out->family = xstrdup(ex->families[worst]);

	struct buf r = BUF_INIT;
	buf_addf(&r, "on %s input: %s", ex->families[worst], out->reason ? out->reason : "");
	for (size_t f = 0; f < ran; f++) {
		if (f == worst)
			continue;
		buf_addf(&r, "; on %s input: %s", ex->families[f],
			 each[f].measured != FIT_NONE ? fit_class_name(each[f].measured) : status_name(each[f].status));
	}
	free(out->reason);
	out->reason = buf_detach(&r);
	for (size_t f = 0; f < nr; f++)
		release(&each[f]);
	free(each);
}
