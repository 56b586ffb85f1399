/* complexity.c - measure growth at a ladder of sizes and check the claim */
#include "complexity.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spawn.h"
#include "tests.h"
#include "util.h"

/* Relative noise of each meter, for the fit: instruction counts repeat
 * exactly; CPU time on a shared machine wanders by a few percent. */
static const double meter_noise[] = { [METER_INSTRUCTIONS] = 0, [METER_TIME] = 0.05 };

static void add_point(struct complexity_result *out, size_t n, double cost, size_t *alloc)
{
	ALLOC_GROW(out->points, out->nr_points + 1, *alloc);
	out->points[out->nr_points].n = n;
	out->points[out->nr_points].cost = cost;
	out->nr_points++;
}

/* Reads callgrind's dumps cg.out.1, cg.out.2, ...: one per size, named
 * "n=<size>" by the runner, with the instructions of bench_run alone. */
static void read_dumps(const char *run_dir, struct complexity_result *out, size_t *alloc)
{
	for (int k = 1; k < 1000; k++) {
		char *path = xasprintf("%s/cg.out.%d", run_dir, k);
		struct buf b = BUF_INIT;
		int missing = read_file(&b, path);
		free(path);
		if (missing) {
			buf_release(&b);
			break;
		}
		const char *trig = strstr(b.buf, "Trigger: Client Request: n=");
		const char *sum = strstr(b.buf, "\nsummary: ");
		if (!sum)
			sum = strstr(b.buf, "\ntotals: ");
		if (trig && sum) {
			size_t n = strtoull(trig + strlen("Trigger: Client Request: n="), NULL, 10);
			double cost = strtod(strchr(sum, ':') + 1, NULL);
			if (n > 0)
				add_point(out, n, cost > 0 ? cost : 1, alloc);
		}
		buf_release(&b);
	}
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
		if (!fit_models(pts, n, meter_noise[out->meter], &out->fit)) {
			out->fitted = 1;
			out->measured = out->fit.best;
			out->runner_up = out->fit.runner_up;
		}
	}
	free(out->reading);
	out->reading = reading(out);
}

void complexity_decide(struct complexity_result *out, const char *fn)
{
	const char *claim = fit_class_name(out->claim);

	complexity_refit(out);
	if (out->reason) /* exited or crashed: already decided */
		return;

	if (!out->fitted) {
		if (out->stopped_at) {
			out->status = ST_FAIL;
			out->reason = xasprintf("%s() is too slow to measure: at n = %zu the run went past its time limit, so it grows faster than the claimed %s",
						fn, out->stopped_at, claim);
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
			buf_addf(&r, "%s() grows as ", fn);
			add_between(&r, f);
			buf_addf(&r, ", faster than the claimed %s", claim);
		} else {
			buf_addf(&r, "%s() grows as %s (%s), but the spec asks for %s", fn, measured,
				 fit_class_word(out->measured), claim);
		}
		if (out->stopped_at && out->timed_out)
			buf_addf(&r, "; at n = %zu it ran out of time", out->stopped_at);
		else if (out->stopped_at)
			buf_addf(&r, "; n = %zu was not run: it would have taken longer than the time budget",
				 out->stopped_at);
		break;
	}
	add_step(&r, f);
	out->reason = buf_detach(&r);
}

static char *size_list(const struct spec_exercise *ex)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < ex->nr_sizes; i++)
		buf_addf(&b, "%s%zu", i ? "," : "", ex->sizes[i]);
	return buf_detach(&b);
}

void complexity_run(const struct context *ctx, const struct spec_exercise *ex, enum meter meter,
		    const char *bench, const char *build_dir, const char *run_dir,
		    struct complexity_result *out)
{
	char *sizes = size_list(ex);
	char *sizes_arg = xasprintf("--sizes=%s", sizes);
	char *seed = xasprintf("--seed=%llu", (unsigned long long)ex->seed);
	/* The runner stops by itself before a size it projects to overrun
	 * half the limit, or when a size runs past it; the wall-clock timeout
	 * is the backstop. */
	char *budget = xasprintf("--budget-ms=%.0f", ex->complexity_timeout * 500);
	const char *binds[] = { build_dir, NULL };
	const char *argv[16];
	size_t n = 0, alloc = 0;
	struct buf rec = BUF_INIT;
	(void)ctx;

	out->claim = ex->claim;
	out->meter = meter;
	out->measured = out->runner_up = FIT_NONE;
	if (meter == METER_INSTRUCTIONS) {
		argv[n++] = "valgrind";
		argv[n++] = "--tool=callgrind";
		argv[n++] = "--callgrind-out-file=cg.out";
		argv[n++] = "--vgdb=no";
		argv[n++] = "-q";
	}
	argv[n++] = bench;
	argv[n++] = meter == METER_INSTRUCTIONS ? "--mode=instr" : "--mode=time";
	argv[n++] = sizes_arg;
	argv[n++] = seed;
	argv[n++] = budget;
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
		.argv = argv, .env = env, .cwd = run_dir, .sandbox = 1, .ro_binds = binds,
		.timeout = ex->complexity_timeout, .memory_bytes = (size_t)8 << 30,
		.file_bytes = (size_t)256 << 20, .processes = 32, .output_cap = 32u << 10,
	};
	struct spawn_result res = SPAWN_RESULT_INIT;
	spawn_run(&sp, &res);

	char *path = path_join(run_dir, "bench.out");
	read_file(&rec, path);
	free(path);

	size_t measured = 0, stopped = 0, started = 0;
	char *save = NULL, *crash = NULL;
	for (char *line = strtok_r(rec.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		size_t sz;
		double cost;
		char how[32];
		int status, at = 0;
		if (sscanf(line, "size %zu %lf", &sz, &cost) == 2 && meter == METER_TIME) {
			add_point(out, sz, cost > 0 ? cost : 1, &alloc);
			measured++;
			started = 0;
		} else if (sscanf(line, "size %zu", &sz) == 1) {
			measured++;
			started = 0;
		} else if (!strncmp(line, "crash\t", 6) && !crash) {
			crash = tests_crash_place(bench, build_dir, line + 6);
		} else if (sscanf(line, "start %zu", &sz) == 1) {
			started = sz;
		} else if (sscanf(line, "wrong %zu %n", &sz, &at) == 1 && at && !out->reason) {
			/* The driver's bench_check() text, printable already. */
			out->status = ST_FAIL;
			out->reason = xasprintf("%s() gave a wrong answer at n = %zu in the benchmark (%.120s)",
						ex->name, sz, line + at);
		} else if (sscanf(line, "stop %zu %31s", &sz, how) == 2) {
			stopped = sz;
			out->timed_out = !strcmp(how, "timeout");
		} else if (sscanf(line, "exit %31s %d", how, &status) == 2) {
			out->status = ST_FAIL;
			out->reason = !strcmp(how, "abort")
				? xasprintf("%s() called abort() (at n = %zu)", ex->name,
					    started ? started : measured < ex->nr_sizes ? ex->sizes[measured] : 0)
				: xasprintf("%s() called %s(%d), which ends the whole program (at n = %zu)", ex->name, how,
					    status, started ? started : measured < ex->nr_sizes ? ex->sizes[measured] : 0);
		}
	}
	if (meter == METER_INSTRUCTIONS)
		read_dumps(run_dir, out, &alloc);

	/* The runner moves each size a little (bench_main.c): a size it
	 * started and did not finish is the one that ran out. */
	size_t next = started ? started : measured < ex->nr_sizes ? ex->sizes[measured] : 0;
	if (stopped) {
		out->stopped_at = stopped;
	} else if (res.timed_out) {
		out->stopped_at = next;
		out->timed_out = 1;
	} else if (!out->reason && res.exec_failed) {
		/* A program that cannot be started is the machine's fault. */
		out->status = ST_ERROR;
		out->reason = xasprintf("grader: cannot run the benchmark: %s; the growth was not measured (install valgrind: make deps)",
					res.out.buf);
	} else if (!out->reason && res.status && next) {
		out->status = ST_FAIL;
		if (res.signal || res.status > 128)
			out->reason = xasprintf("%s() crashed at n = %zu: %s%s%s", ex->name, next,
						strsignal(res.signal ? res.signal : res.status - 128),
						crash ? " at " : "", crash ? crash : "");
		else
			out->reason = xasprintf("the benchmark stopped with status %d at n = %zu", res.status, next);
	}
	complexity_decide(out, ex->name);

	spawn_result_release(&res);
	buf_release(&rec);
	free(crash);
	free(sizes);
	free(sizes_arg);
	free(seed);
	free(budget);
}
