/* cmd_calibrate.c - grader calibrate: measure an exercise's reference and
 * known-wrong variants, and propose its budgets, ladder and timeout
 *
 * Each solution is graded as grader check grades it (pipeline_grade, one
 * exercise, no cache: the times are this run's). What was measured is
 * printed per solution, then what the figures suggest for the spec. No
 * file is changed: the instructor decides.
 */
#include <getopt.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "exitcode.h"
#include "expr.h"
#include "grade.h"
#include "parallel.h"
#include "pipeline.h"
#include "spec.h"
#include "util.h"

#define BUDGET_FACTOR 2.0  /* a budget is the reference's peak times this... */
#define TIMEOUT_FACTOR 3.0 /* ...and a ladder's timeout its time times this, */
#define TIMEOUT_FLOOR 5.0  /* but no less: valgrind's start alone can take a
			    * second on a busy machine */

static const char usage[] =
	"usage: grader calibrate --topic NN [--exercise NAME] [--root DIR] [--spec FILE] [--jobs N]\n"
	"grades the reference and each known-wrong variant of the topic's exercises, prints\n"
	"what was measured, and proposes memory budgets, whether the size ladder separates\n"
	"the claim from the next class up, and a complexity timeout; changes no file.\n"
	"  --jobs N   solutions graded at once (default 1: times are not inflated by sharing)\n";

/* One solution to grade: the reference or a variant. */
struct trial {
	struct spec view;                   /* the spec narrowed to one exercise */
	const struct spec_exercise *ex;
	const struct spec_variant *variant; /* NULL for the reference */
	char *file;
	struct grade g;
};

struct pool {
	struct context *ctx;
	struct trial *trials;
	size_t count;
	pthread_mutex_t lock;       /* the progress lines */
};

static void grade_trial(void *arg, size_t i)
{
	struct pool *p = arg;
	struct trial *t = &p->trials[i];
	const char *over[1] = { t->file };
	pthread_mutex_lock(&p->lock);
	fprintf(stderr, "grader: calibrate: %s: %s (%zu of %zu)\n", t->ex->name,
		t->variant ? t->variant->file : "reference", i + 1, p->count);
	pthread_mutex_unlock(&p->lock);
	pipeline_grade(p->ctx, &t->view, NULL, over, &t->g);
}

static const struct exercise_result *result(const struct trial *t)
{
	return t->g.nr_exercises ? &t->g.exercises[0] : NULL;
}

/* "C" for complexity, "TCM" for tests, complexity and memory; "-" for none. */
static void check_letters(unsigned mask, char *out)
{
	static const char letters[CHECK_COUNT] = { 'B', 'T', 'C', 'M' };
	size_t o = 0;
	for (int c = 0; c < CHECK_COUNT; c++)
		if (mask & (1u << c))
			out[o++] = letters[c];
	if (!o)
		out[o++] = '-';
	out[o] = '\0';
}

static unsigned failed_checks(const struct exercise_result *r)
{
	unsigned mask = 0;
	for (int c = 0; c < CHECK_COUNT; c++)
		if (exercise_status(r, (enum check)c) == ST_FAIL)
			mask |= 1u << c;
	return mask;
}

/* A relative error as "12.3%", "0.042%" or "<0.001%". */
static const char *percent(double rel, char *out, size_t size)
{
	double p = 100 * rel;
	if (p >= 0.1)
		snprintf(out, size, "%.1f%%", p);
	else if (p >= 0.001)
		snprintf(out, size, "%.3f%%", p);
	else
		snprintf(out, size, "%s", p > 0 ? "<0.001%" : "0%");
	return out;
}

/* A model's fit error as a percentage, or "-" when there is none. */
static const char *fit_error(const struct complexity_result *c, enum fit_class k, char *out, size_t size)
{
	if (!c->fitted || k < 0 || k >= FIT_NR_CLASSES || !c->fit.models[k].valid)
		snprintf(out, size, "-");
	else
		percent(c->fit.models[k].rel_rms, out, size);
	return out;
}

static const char *bytes_or_dash(long long b)
{
	return b >= 0 ? memory_human(b) : "-";
}

static const char *trial_name(const struct trial *t)
{
	return t->variant ? t->variant->file : "reference";
}

static const char *reason_of(const struct exercise_result *r, enum check c)
{
	const char *s = exercise_reason(r, (enum check)c);
	return s ? s : "no reason given";
}

static void print_table(const struct trial *trials, size_t nr)
{
	const struct spec_exercise *ex = trials[0].ex;
	enum fit_class claim = ex->has_complexity ? ex->claim : FIT_NONE;
	enum fit_class next = claim >= 0 && claim + 1 < FIT_NR_CLASSES ? claim + 1 : FIT_NONE;
	int w = 9;
	for (size_t i = 0; i < nr; i++)
		if ((int)strlen(trial_name(&trials[i])) > w)
			w = (int)strlen(trial_name(&trials[i]));

	char h1[32], h2[32];
	snprintf(h1, sizeof(h1), "err %s", claim >= 0 ? fit_class_name(claim) : "claim");
	snprintf(h2, sizeof(h2), "err %s", next >= 0 ? fit_class_name(next) : "next up");
	printf("  %-*s  %-9s  %-6s %-11s %14s %14s %8s  %10s %10s %8s %8s\n", w, "solution",
	       "must/does", "tests", "measured", h1, h2, "tol", "peak heap", "stack", "ladder",
	       "total");
	for (size_t i = 0; i < nr; i++) {
		const struct trial *t = &trials[i];
		const struct exercise_result *r = result(t);
		char must[8], does[8], fails[20], tests[24], e1[16], e2[16], tol[16];
		if (!r)
			continue;
		check_letters(t->variant ? t->variant->fails : 0, must);
		check_letters(failed_checks(r), does);
		snprintf(fails, sizeof(fails), "%s/%s", must, does);
		snprintf(tests, sizeof(tests), "%zu/%zu", r->tests.passed, r->tests.total);
		const struct complexity_result *c = &r->complexity;
		if (c->fitted)
			percent(c->fit.tolerance, tol, sizeof(tol));
		else
			snprintf(tol, sizeof(tol), "-");
		printf("  %-*s  %-9s  %-6s %-11s %14s %14s %8s  %10s %10s %7.1fs %7.1fs\n", w,
		       trial_name(t), fails, tests,
		       c->fitted ? fit_class_name(c->measured) : "-",
		       fit_error(c, claim, e1, sizeof(e1)), fit_error(c, next, e2, sizeof(e2)), tol,
		       r->memory.status == ST_SKIPPED ? "-" : bytes_or_dash(r->memory.peak_heap),
		       r->memory.status == ST_SKIPPED ? "-" : bytes_or_dash(r->memory.peak_stack),
		       r->phase_seconds[CHECK_COMPLEXITY], r->seconds);
	}
	printf("  (must/does: the checks a solution must fail and does fail: B build, T tests, "
	       "C complexity, M memory;\n   err: a class's relative fit error, within tol it fits; "
	       "ladder: the complexity check's time, total: the whole grading's)\n");

	/* Why a solution does not behave as its spec entry says, and where a
	 * ladder was cut short. */
	for (size_t i = 0; i < nr; i++) {
		const struct trial *t = &trials[i];
		const struct exercise_result *r = result(t);
		unsigned must = t->variant ? t->variant->fails : 0, does = r ? failed_checks(r) : 0;
		if (!r)
			continue;
		for (int c = 0; c < CHECK_COUNT; c++) {
			enum status s = exercise_status(r, (enum check)c);
			int wanted = !!(must & (1u << c)), got = !!(does & (1u << c));
			if (wanted != got && !(c > CHECK_BUILD && r->build.status == ST_FAIL))
				printf("  note: %s: %s %s, but %s: %s\n", trial_name(t),
				       check_name((enum check)c), status_name(s),
				       wanted ? "should fail" : "should pass", reason_of(r, (enum check)c));
			else if (!t->variant && s == ST_INCONCLUSIVE)
				printf("  note: reference: %s inconclusive: %s\n", check_name((enum check)c),
				       reason_of(r, (enum check)c));
		}
		if (r->complexity.stopped_at)
			printf("  note: %s: the ladder stopped before n = %zu (%s)\n", trial_name(t),
			       r->complexity.stopped_at,
			       r->complexity.timed_out ? "ran out of time" : "projected past the time budget");
	}
}

/* bytes rounded up to a whole KiB (at least 1 KiB), as a budget. */
static long long round_budget(double bytes)
{
	long long kib = (long long)ceil(bytes / 1024);
	return (kib < 1 ? 1 : kib) * 1024;
}

static void budget_expr(long long bytes, char *out, size_t size)
{
	if (bytes % (1LL << 20) == 0)
		snprintf(out, size, "%lldMiB", bytes >> 20);
	else
		snprintf(out, size, "%lldKiB", bytes >> 10);
}

/* Proposes a heap (stack when is_stack) budget: the reference's peak
 * times BUDGET_FACTOR, rounded up, kept under the peak of every variant
 * that must fail memory and can only fail it on that peak (no leak, no
 * invalid access). Returns 1 when no budget separates them. */
static int propose_budget(const struct trial *trials, size_t nr, int is_stack)
{
	const struct spec_exercise *ex = trials[0].ex;
	const struct exercise_result *ref = result(&trials[0]);
	const char *key = is_stack ? "stack" : "heap";
	const char *now = is_stack ? ex->stack_budget : ex->heap_budget;
	long long peak = is_stack ? ref->memory.peak_stack : ref->memory.peak_heap;
	char expr[32], nowv[64] = "";
	double v;

	if (peak < 0) {
		printf("    memory.%s: no proposal: the reference's peak %s was not measured\n", key, key);
		return 0;
	}
	if (now && !expr_eval(now, (double)ex->memory_size, &v))
		snprintf(nowv, sizeof(nowv), " = %s", memory_human(v < 0 ? 0 : (long long)v));

	/* The lowest peak among variants that the budget alone must catch. */
	const struct trial *low = NULL;
	long long low_peak = -1;
	for (size_t i = 1; i < nr; i++) {
		const struct exercise_result *r = result(&trials[i]);
		if (!r || !(trials[i].variant->fails & (1u << CHECK_MEMORY)) ||
		    r->memory.status == ST_SKIPPED || r->memory.nr_leaks ||
		    r->memory.leaked_bytes > 0 || r->memory.nr_errors)
			continue;
		long long p = is_stack ? r->memory.peak_stack : r->memory.peak_heap;
		if (p >= 0 && (low_peak < 0 || p < low_peak)) {
			low = &trials[i];
			low_peak = p;
		}
	}

	long long want = round_budget(BUDGET_FACTOR * (double)peak);
	budget_expr(want, expr, sizeof(expr));
	/* A budget the reference already fits stays: a proposal looser than
	 * the spec's would only let more through (a spec's 0 stays 0). */
	if (now && nowv[0] && peak <= (long long)v && want > (long long)v) {
		printf("    memory.%s: keep %s  (the reference's peak %s at n = %zu fits it%s)\n", key, now,
		       memory_human(peak), ex->memory_size, nowv);
		return 0;
	}
	if (!low || want < low_peak) {
		printf("    memory.%s: %s  (%g x the reference's peak %s at n = %zu, rounded up to a KiB; "
		       "now %s%s)\n", key, expr, BUDGET_FACTOR, memory_human(peak), ex->memory_size,
		       now ? now : "none", nowv);
		if (peak >= (long long)ex->memory_size && ex->memory_size)
			printf("        as a rate: %.1f bytes per n at n = %zu\n",
			       (double)want / (double)ex->memory_size, ex->memory_size);
		if (low)
			printf("        under the lowest peak of a variant the budget must catch: %s, %s\n",
			       low->variant->file, memory_human(low_peak));
		return 0;
	}
	/* Too close for the factor: the widest gap left is halfway. */
	long long mid = (peak + low_peak) / 2 / 1024 * 1024;
	if (mid > peak && mid < low_peak) {
		budget_expr(mid, expr, sizeof(expr));
		printf("    memory.%s: %s  (between the reference's peak %s and %s's %s: %g x the "
		       "reference would let that variant pass; now %s%s)\n", key, expr,
		       memory_human(peak), low->variant->file, memory_human(low_peak), BUDGET_FACTOR,
		       now ? now : "none", nowv);
		return 0;
	}
	printf("    memory.%s: no budget separates them: %s peaks at %s, the reference at %s "
	       "(now %s%s)\n", key, low->variant->file, memory_human(low_peak), memory_human(peak),
	       now ? now : "none", nowv);
	return 1;
}

/* Does the ladder tell the claim from the next class up? The complexity
 * variants must not fit the claim (else inconclusive, not failed), and
 * the reference should not fit the next class up. Returns 1 when a
 * variant is not separated. */
static int propose_ladder(const struct trial *trials, size_t nr)
{
	const struct spec_exercise *ex = trials[0].ex;
	const struct complexity_result *ref = &result(&trials[0])->complexity;
	enum fit_class claim = ex->claim;
	enum fit_class next = claim + 1 < FIT_NR_CLASSES ? claim + 1 : FIT_NONE;
	char e[16], tol[16];
	int bad = 0, variants = 0;

	printf("    complexity.sizes: %zu sizes, %zu to %zu:\n", ex->nr_sizes, ex->sizes[0],
	       ex->sizes[ex->nr_sizes - 1]);
	if (ref->fitted) {
		percent(ref->fit.tolerance, tol, sizeof(tol));
		printf("        reference: measured %s, %s fit error %s", fit_class_name(ref->measured),
		       fit_class_name(claim), fit_error(ref, claim, e, sizeof(e)));
		if (next != FIT_NONE)
			printf(", %s fit error %s", fit_class_name(next), fit_error(ref, next, e, sizeof(e)));
		printf(" (tolerance %s)%s\n", tol,
		       next != FIT_NONE && fit_close(&ref->fit, next) ? ": CLOSE to the next class up" : "");
	} else {
		printf("        reference: no fit (%s)\n", ref->reason ? ref->reason : "too few sizes");
	}
	for (size_t i = 1; i < nr; i++) {
		const struct trial *t = &trials[i];
		const struct complexity_result *c = &result(t)->complexity;
		if (!(t->variant->fails & (1u << CHECK_COMPLEXITY)) || result(t)->build.status == ST_FAIL)
			continue;
		variants++;
		if (!c->fitted) {
			printf("        %s: no fit: %s\n", t->variant->file,
			       c->reason ? c->reason : "too few sizes measured");
			bad |= c->status != ST_FAIL;
			continue;
		}
		percent(c->fit.tolerance, tol, sizeof(tol));
		int close = fit_close(&c->fit, claim);
		printf("        %s: measured %s, %s fit error %s (tolerance %s): %s\n", t->variant->file,
		       fit_class_name(c->measured), fit_class_name(claim),
		       fit_error(c, claim, e, sizeof(e)), tol,
		       c->measured <= claim ? "NOT separated: it fits the claim"
		       : close ? "NOT separated: close to the claim (inconclusive)" : "separated");
		bad |= close || c->measured <= claim;
	}
	if (!variants)
		printf("        no variant must fail complexity: the ladder is tested by the reference only\n");
	if (bad)
		printf("        widen the ladder (larger sizes, or more of them) until every complexity "
		       "variant is separated\n");
	return bad;
}

static void propose_timeout(const struct trial *trials, size_t nr)
{
	const struct exercise_result *ref = result(&trials[0]);
	double t = ref->phase_seconds[CHECK_COMPLEXITY];
	double proposed = ceil(TIMEOUT_FACTOR * t);
	if (proposed < TIMEOUT_FLOOR)
		proposed = TIMEOUT_FLOOR;
	printf("    complexity.timeout: %g  (%g x the reference's ladder, %.1f s on this machine, "
	       "rounded up, at least %g; now %g)\n", proposed, TIMEOUT_FACTOR, t, TIMEOUT_FLOOR,
	       trials[0].ex->complexity_timeout);
	if (ref->complexity.stopped_at)
		printf("        the reference's ladder was cut short at n = %zu: the figure is a floor\n",
		       ref->complexity.stopped_at);
	/* The runner stops before a size projected past half the timeout. */
	for (size_t i = 1; i < nr; i++) {
		const struct exercise_result *r = result(&trials[i]);
		if (r && (trials[i].variant->fails & (1u << CHECK_COMPLEXITY)) && r->build.status != ST_FAIL &&
		    r->phase_seconds[CHECK_COMPLEXITY] > proposed / 2)
			printf("        %s's ladder took %.1f s: under this timeout it stops at a "
			       "smaller n; calibrate again with it to see that it still fails\n",
			       trials[i].variant->file,
			       r->phase_seconds[CHECK_COMPLEXITY]);
	}
}

/* Prints the figures and proposals of one exercise. Returns 1 when the
 * reference does not pass or a proposal found a problem. */
static int report(const struct trial *trials, size_t nr)
{
	const struct spec_exercise *ex = trials[0].ex;
	const struct exercise_result *ref = result(&trials[0]);
	int bad = 0;

	printf("%s:", ex->name);
	if (ex->has_complexity)
		printf(" claim %s, %zu sizes %zu..%zu (%s)", fit_class_name(ex->claim), ex->nr_sizes,
		       ex->sizes[0], ex->sizes[ex->nr_sizes - 1],
		       ex->meter == METER_TIME ? "CPU time" : "instructions");
	if (ex->has_memory)
		printf("%s memory at n = %zu", ex->has_complexity ? ";" : "", ex->memory_size);
	printf("\n");
	print_table(trials, nr);

	if (!ref || failed_checks(ref)) {
		printf("  the reference fails a check: the proposals below rest on a solution that "
		       "does not pass\n");
		bad = 1;
	}
	printf("  proposals (from these figures; the spec is not changed):\n");
	if (ex->has_memory) {
		bad |= propose_budget(trials, nr, 0);
		if (ex->stack_budget || ref->memory.peak_stack >= 0)
			bad |= propose_budget(trials, nr, 1);
	}
	if (ex->has_complexity) {
		bad |= propose_ladder(trials, nr);
		propose_timeout(trials, nr);
	}
	if (!ex->has_memory && !ex->has_complexity)
		printf("    none: the exercise has neither a complexity nor a memory section\n");
	printf("\n");
	return bad;
}

/* Longer than 100 lines: options, the trials of each exercise, one pool
 * of gradings, then the proposals printed per exercise; each step is a
 * few lines over the same locals, so it reads best as one sequence. */
int cmd_calibrate(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "topic", required_argument, NULL, 't' }, { "exercise", required_argument, NULL, 'e' },
		{ "root", required_argument, NULL, 'r' }, { "spec", required_argument, NULL, 'S' },
		{ "jobs", required_argument, NULL, 'j' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *topic = NULL, *exercise = NULL, *root_arg = NULL, *spec_arg = NULL;
	int c, jobs = 1, ret = EXIT_USAGE;

	optind = 1;
	while ((c = getopt_long(argc, argv, "t:e:r:S:j:h", opts, NULL)) != -1) {
		switch (c) {
		case 't': topic = optarg; break;
		case 'e': exercise = optarg; break;
		case 'r': root_arg = optarg; break;
		case 'S': spec_arg = optarg; break;
		case 'j': jobs = atoi(optarg); break;
		case 'h': fputs(usage, stdout); return EXIT_PASSED;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if ((!topic && !spec_arg) || optind < argc || jobs < 1) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}

	char *root = course_root(root_arg);
	char *spec_path = spec_arg ? xstrdup(spec_arg) : topic_spec_path(root, topic);
	struct spec spec = SPEC_INIT;
	struct context ctx = { 0 };
	struct trial *trials = NULL;
	size_t nr = 0, *first = NULL, nr_ex = 0;

	if (!spec_path)
		goto out;
	if (spec_load(&spec, spec_path, stderr)) {
		error("%s has problems (above): fix the spec before calibrating", spec_path);
		goto out;
	}
	if (exercise && !spec_exercise(&spec, exercise)) {
		error("%s has no exercise '%s'", spec_path, exercise);
		goto out;
	}

	/* The trials of each exercise, reference first. */
	size_t total = 0;
	for (size_t i = 0; i < spec.nr_exercises; i++)
		if (!exercise || !strcmp(spec.exercises[i].name, exercise))
			total += 1 + spec.exercises[i].nr_variants;
	trials = xcalloc(total, sizeof(*trials));
	first = xcalloc(spec.nr_exercises + 1, sizeof(*first));
	for (size_t i = 0; i < spec.nr_exercises; i++) {
		const struct spec_exercise *ex = &spec.exercises[i];
		if (exercise && strcmp(ex->name, exercise))
			continue;
		char *rel = xasprintf("solutions/%s/%s.c", spec.topic, ex->name);
		char *ref = path_join(root, rel);
		free(rel);
		if (!file_exists(ref)) {
			error("no reference solution %s", ref);
			free(ref);
			ret = EXIT_USAGE;
			goto out;
		}
		first[nr_ex++] = nr;
		for (size_t v = 0; v <= ex->nr_variants; v++) {
			struct trial *t = &trials[nr++];
			t->view = spec;
			t->view.exercises = (struct spec_exercise *)ex;
			t->view.nr_exercises = 1;
			t->ex = ex;
			if (!v) {
				t->file = ref;
			} else {
				t->variant = &ex->variants[v - 1];
				rel = xasprintf("solutions/%s/wrong/%s", spec.topic, t->variant->file);
				t->file = path_join(root, rel);
				free(rel);
			}
		}
	}
	first[nr_ex] = nr;

	ctx.quiet = 1;
	ctx.jobs = 1;
	ctx.no_cache = 1; /* the times must be this run's */
	if (context_init(&ctx, root)) {
		ret = EXIT_INTERNAL;
		goto out;
	}
	struct pool pool = { &ctx, trials, nr, PTHREAD_MUTEX_INITIALIZER };
	if (jobs > 16)
		jobs = 16;
	parallel_for(nr, jobs, grade_trial, &pool);

	printf("calibrating %s (%s) on this machine%s\n\n", spec.topic, spec_path,
	       jobs > 1 ? ": solutions graded at once, so times run long" : "");
	ret = EXIT_PASSED;
	for (size_t k = 0; k < nr_ex; k++)
		if (report(&trials[first[k]], first[k + 1] - first[k]))
			ret = EXIT_FAILED;
	fflush(stdout);
	/* Figures from a grading that could not finish measure nothing: say
	 * so, and exit as grade would (3 the grader's or machine's, 2 the
	 * course's). */
	for (size_t i = 0; i < nr; i++) {
		const struct exercise_result *r = result(&trials[i]);
		if (!r || !grade_incomplete(&trials[i].g))
			continue;
		for (int c = 0; c < CHECK_COUNT; c++)
			if (exercise_status(r, (enum check)c) == ST_ERROR)
				error("%s, %s: %s could not be graded: %s", trials[i].ex->name, trial_name(&trials[i]),
				      check_name((enum check)c), reason_of(r, (enum check)c));
		int code = grade_exit_code(&trials[i].g);
		if (ret != EXIT_INTERNAL && (code == EXIT_INTERNAL || code == EXIT_COURSE))
			ret = code;
	}
out:
	for (size_t i = 0; i < nr; i++) {
		grade_release(&trials[i].g);
		free(trials[i].file);
	}
	free(trials);
	free(first);
	context_release(&ctx);
	spec_release(&spec);
	free(spec_path);
	free(root);
	return ret;
}
