/* pipeline.c - grade a topic: build, tests, complexity, memory per exercise */
#include "pipeline.h"

#include <ctype.h>
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "cache.h"
#include "complexity.h"
#include "memory.h"
#include "parallel.h"
#include "spawn.h"
#include "tests.h"
#include "util.h"

/* Whether every folder on the way to path may be passed through by other
 * users (the children may run as one). */
static int others_reach(const char *path)
{
	char *p = abs_path(path);
	int ok = p != NULL;
	for (char *slash = p; ok && slash; slash = strchr(slash + 1, '/')) {
		struct stat st;
		*slash = '\0';
		ok = stat(*p ? p : "/", &st) == 0 && (st.st_mode & S_IXOTH);
		*slash = '/';
	}
	struct stat st;
	ok = ok && stat(p, &st) == 0 && (st.st_mode & S_IXOTH);
	free(p);
	return ok;
}

int context_init(struct context *ctx, const char *root)
{
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	/* As root, children run as a user of their own, who must reach the
	 * scratch folder: a private TMPDIR (/root/tmp) would shut them out,
	 * and opening it up is not ours to do. */
	if (geteuid() == 0 && !others_reach(tmp))
		tmp = "/tmp";
	char *tmpl = xasprintf("%s/grader-XXXXXX", tmp);

	ctx->root = abs_path(root);
	if (!ctx->root) {
		free(tmpl);
		return error("cannot find the course at '%s'", root);
	}
	if (!mkdtemp(tmpl)) {
		free(tmpl);
		return error("cannot make a scratch folder in %s", tmp);
	}
	/* Children may run as another user: they must reach their folders. */
	chmod(tmpl, 0711);
	ctx->scratch = tmpl;
	ctx->harness_obj = path_join(ctx->scratch, "harness");
	if (!ctx->jobs)
		ctx->jobs = parallel_cores();
	/* The runner objects are the grader's own, built as its user: the
	 * children may read them (0755), not change them. */
	if (mkdir(ctx->harness_obj, 0755) || chmod(ctx->harness_obj, 0755))
		return error("cannot prepare %s", ctx->harness_obj);
	const char *env = getenv("GRADER_CACHE");
	if (!ctx->no_cache && !(env && !strcmp(env, "0"))) {
		char *dir = path_join(ctx->root, "build/cache");
		if (!mkdir_p(dir, 0755) && !access(dir, W_OK))
			ctx->cache_dir = dir;
		else
			free(dir);
	}
	return 0;
}

/* The runner objects, built by the first exercise that needs them: a run
 * answered wholly from the cache compiles nothing. */
int context_harness(struct context *ctx)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&lock);
	if (!ctx->harness_state)
		ctx->harness_state = build_harness(ctx) ? -1 : 1;
	int ret = ctx->harness_state == 1 ? 0 : -1;
	pthread_mutex_unlock(&lock);
	return ret;
}

void context_release(struct context *ctx)
{
	if (ctx->scratch && !ctx->keep)
		remove_tree(ctx->scratch);
	else if (ctx->scratch)
		fprintf(stderr, "grader: scratch folder kept: %s\n", ctx->scratch);
	free(ctx->root);
	free(ctx->scratch);
	free(ctx->harness_obj);
	free(ctx->cache_dir);
	memset(ctx, 0, sizeof(*ctx));
}

static char *make_dir(const char *parent, const char *name)
{
	char *dir = path_join(parent, name);
	mkdir(dir, 0755);
	spawn_prepare_dir(dir);
	return dir;
}

/* The build folder belongs to the grader again once built: later runs of
 * the submission see it read-only. */
static void seal(const char *dir)
{
	static const char *const files[] = { "tests", "bench", "bench-memory", "bench-heap", NULL };
	for (int i = 0; files[i]; i++) {
		char *p = path_join(dir, files[i]);
		if (chown(p, geteuid(), getegid()) == 0)
			chmod(p, 0755);
		free(p);
	}
	if (chown(dir, geteuid(), getegid()) == 0)
		chmod(dir, 0755);
}

/* A growth check that was not run: status, and reason (taken). */
static void complexity_not_run(struct complexity_result *c, const struct spec_exercise *ex, enum status status,
			       char *reason)
{
	c->status = status;
	c->claim = ex->claim;
	c->measured = c->runner_up = FIT_NONE;
	c->reason = reason;
}

/* A memory check that was not run: nothing measured, no budget, status,
 * and reason (taken). */
static void memory_not_run(struct memory_result *m, const struct spec_exercise *ex, enum status status,
			   char *reason)
{
	m->status = status;
	m->n = ex->memory_size;
	m->peak_heap = m->peak_stack = -1;
	m->heap_budget = m->stack_budget = -1;
	m->reason = reason;
}

static void skip_rest(struct exercise_result *r, const char *why)
{
	r->tests.status = ST_SKIPPED;
	r->complexity.status = ST_SKIPPED;
	r->memory.status = ST_SKIPPED;
	r->tests.reason = xstrdup(why);
	r->complexity.reason = xstrdup(why);
	r->memory.reason = xstrdup(why);
}

/* Whether tool is a program on the grader's PATH: what a user installs
 * (or hides) is what the grader uses, and a missing one is the machine's
 * fault, said once, not a crash of the student's code. */
static int on_path(const char *tool)
{
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path; *p;) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);
		char *full = xasprintf("%.*s/%s", (int)len, len ? p : ".", tool);
		int found = !access(full, X_OK);
		free(full);
		if (found)
			return 1;
		p += len + (colon != NULL);
	}
	return 0;
}

static const char missing_valgrind[] =
	"valgrind is not installed (not found on PATH): this check could not be run, which is the machine's fault, not yours; install valgrind (sudo apt-get install valgrind, or make deps) and grade again";

static void grade_exercise(struct context *ctx, const struct spec *spec, size_t index,
			   const char *source, const char *const *helpers, const char *hint,
			   int have_valgrind, struct exercise_result *r)
{
	const struct spec_exercise *ex = &spec->exercises[index];
	/* Gradings may share ctx (grader check runs many at once): each gets
	 * a folder of its own. */
	static unsigned serial;
	unsigned id = __atomic_fetch_add(&serial, 1, __ATOMIC_RELAXED);
	char *name = xasprintf("%u-%s", id, ex->name);
	char *work = make_dir(ctx->scratch, name);
	char *build = make_dir(work, "build");
	double start = now_seconds();

	enum meter meter = ctx->force_meter ? ctx->meter : ex->meter;
	char *material = ctx->cache_dir && source ? cache_material(ctx, spec, ex, source, meter) : NULL;
	if (material && helpers) {
		/* The submission's other files are built with it: they count. */
		struct buf m = BUF_INIT;
		buf_adds(&m, material);
		for (size_t i = 0; helpers[i]; i++) {
			buf_addf(&m, "helper %s\n", base_name(helpers[i]));
			if (read_file(&m, helpers[i]))
				buf_adds(&m, "(unreadable)");
			buf_adds(&m, "\n");
		}
		free(material);
		material = buf_detach(&m);
	}
	double child0 = spawn_thread_seconds(), t0 = start;

	if (material && !ctx->force && !cache_load(ctx->cache_dir, material, ex, r)) {
		complexity_refit(&r->complexity);
		r->cached = 1;
		r->source = xstrdup(source);
		goto out;
	}
	exercise_result_release(r);
	memset(r, 0, sizeof(*r));
	r->spec = ex;
	r->source = source ? xstrdup(source) : NULL;
	/* Every step of this exercise ends within the grading's time limit. */
	spawn_deadline_begin(0);
	if (!ctx->quiet)
		fprintf(stderr, "grader: %s: building\n", ex->name);
	int built;
	if (context_harness(ctx)) {
		r->build.status = ST_ERROR;
		r->build.reason = xasprintf("the grader's own runner (%s/grader/harness) does not build: the grader's fault, not yours; see the message above, fix the installation (make deps) and grade again",
					    ctx->root);
		built = 0;
	} else {
		built = !build_exercise(ctx, spec, ex, source, helpers, build, &r->build);
	}
	if (!built && !source && hint) {
		char *why = xasprintf("%s; %s", r->build.reason, hint);
		free(r->build.reason);
		r->build.reason = why;
	}
	r->phase_seconds[CHECK_BUILD] = now_seconds() - t0;
	if (!built) {
		skip_rest(r, r->build.status == ST_ERROR ? "skipped: the build could not be made (see the build's error)"
							 : "skipped: the build failed");
		if (!ex->has_complexity)
			r->complexity.status = ST_SKIPPED;
		goto out;
	}
	seal(build);

	char *tests_bin = path_join(build, "tests");
	char *bench_bin = path_join(build, "bench");
	char *run = make_dir(work, "run-tests");
	if (!ctx->quiet)
		fprintf(stderr, "grader: %s: testing\n", ex->name);
	t0 = now_seconds();
	tests_run(ctx, ex, tests_bin, build, run, &r->tests);
	r->phase_seconds[CHECK_TESTS] = now_seconds() - t0;
	free(run);
	t0 = now_seconds();

	/* A function that never ends has no growth or memory to measure:
	 * the ladder and valgrind would only wait for their own limits. */
	int endless = tests_none_finished(&r->tests);
	static const char endless_why[] = "not measured: no test finished (each ran out of time), so there is nothing to measure; make the tests pass first";
	if (ex->has_complexity && endless) {
		complexity_not_run(&r->complexity, ex, ST_SKIPPED, xstrdup(endless_why));
	} else if (ex->has_complexity && meter == METER_INSTRUCTIONS && !have_valgrind) {
		complexity_not_run(&r->complexity, ex, ST_ERROR, xstrdup(missing_valgrind));
	} else if (ex->has_complexity) {
		if (!ctx->quiet)
			fprintf(stderr, "grader: %s: measuring growth\n", ex->name);
		run = make_dir(work, "run-complexity");
		complexity_run(ctx, ex, meter, bench_bin, build, run, &r->complexity);
		free(run);
	} else {
		r->complexity.status = ST_SKIPPED;
		r->complexity.measured = FIT_NONE;
		r->complexity.reason = xstrdup("not checked for this exercise");
	}
	r->phase_seconds[CHECK_COMPLEXITY] = now_seconds() - t0;
	t0 = now_seconds();
	int same_driver = !ex->memory_bench || !ex->bench_file || !strcmp(ex->memory_bench, ex->bench_file);
	if (ex->has_memory && endless) {
		memory_not_run(&r->memory, ex, ST_SKIPPED, xstrdup(endless_why));
	} else if (ex->has_memory && !have_valgrind) {
		memory_not_run(&r->memory, ex, ST_ERROR, xstrdup(missing_valgrind));
	} else if (ex->has_memory && same_driver && r->complexity.timed_out &&
	    r->complexity.stopped_at <= ex->memory_size) {
		/* The same function at a size it could not finish: valgrind
		 * would only wait for its own timeout. */
		memory_not_run(&r->memory, ex, ST_INCONCLUSIVE,
			       xasprintf("not measured: %s did not finish at n = %zu in the complexity check, and memory is measured at n = %zu (the complexity check holds this against you, not this one)",
					 ex->subject, r->complexity.stopped_at, ex->memory_size));
	} else if (ex->has_memory) {
		if (!ctx->quiet)
			fprintf(stderr, "grader: %s: checking memory\n", ex->name);
		run = make_dir(work, "run-memory");
		char *memory_bin = ex->memory_bench && ex->bench_file && strcmp(ex->memory_bench, ex->bench_file)
			? path_join(build, "bench-memory") : xstrdup(bench_bin);
		/* On the input the complexity check found worst, when both
		 * use the same driver and its ladder reached the memory
		 * check's size: the shape that makes it slow is the likeliest
		 * to make it big (and one too slow to reach that size would
		 * only keep valgrind waiting). */
		int reached = !r->complexity.stopped_at || r->complexity.stopped_at > ex->memory_size;
		for (size_t f = 1; same_driver && reached && r->complexity.family && f < ex->nr_families; f++)
			if (!strcmp(ex->families[f], r->complexity.family))
				r->memory.family = (unsigned)f;
		r->memory.tests_failed = r->tests.status != ST_PASS;
		memory_run(ctx, ex, memory_bin, build, run, &r->memory);
		free(memory_bin);
		free(run);
	} else {
		r->memory.status = ST_SKIPPED;
		r->memory.peak_heap = r->memory.peak_stack = -1;
		r->memory.reason = xstrdup("not checked for this exercise");
	}
	r->phase_seconds[CHECK_MEMORY] = now_seconds() - t0;
	free(tests_bin);
	free(bench_bin);
	if (material)
		cache_store(ctx->cache_dir, material, r);
out:
	spawn_deadline_end();
	exercise_score(r);
	r->seconds = now_seconds() - start;
	r->child_seconds = spawn_thread_seconds() - child0;
	free(material);
	free(name);
	free(work);
	free(build);
}

struct job {
	struct context *ctx;
	const struct spec *spec;
	const char *const *sources;
	int have_valgrind;
	const char *const *helpers;
	const char *const *hints;
	struct grade *g;
};

static void grade_one(void *arg, size_t i)
{
	struct job *job = arg;
	grade_exercise(job->ctx, job->spec, i, job->sources[i], job->helpers, job->hints[i],
		       job->have_valgrind, &job->g->exercises[i]);
}

/* Whether path is a regular file itself (not a symbolic link). */
static int own_file(const char *path)
{
	struct stat st;
	return !lstat(path, &st) && S_ISREG(st.st_mode);
}

/* A file name made of letters, digits, '_', '.', '-' and '+' that does not
 * start with '-' or '.'. */
static int plain_name(const char *name)
{
	if (!isalnum((unsigned char)*name) && *name != '_')
		return 0;
	for (; *name; name++)
		if (!isalnum((unsigned char)*name) && !strchr("_.-+", *name))
			return 0;
	return 1;
}

static int is_ident_char(int c)
{
	return isalnum(c) || c == '_';
}

static int ends_with(const char *s, const char *suffix)
{
	size_t l = strlen(s), k = strlen(suffix);
	return l >= k && !strcmp(s + l - k, suffix);
}

/* Edit distance between a and b (case-insensitive), up to a small cap. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), row[128];
	if (la >= 127 || lb >= 127)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			int same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
			size_t best = diag + !same;
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

int pipeline_near_miss(const char *file, const char *name)
{
	size_t stem = strlen(file) - 2, nl = strlen(name);
	char *s = xstrndup(file, stem);
	size_t d = distance(s, name);
	int near = d <= (nl > 8 ? 2u : 1u) ||
		   (stem > nl && !strncasecmp(s, name, nl) && !is_ident_char(s[nl])) ||
		   (stem < nl && stem >= 4 && !strncasecmp(s, name, stem));
	free(s);
	return near;
}

void pipeline_grade(struct context *ctx, const struct spec *spec, const char *submission,
		    const char *const *overrides, struct grade *g)
{
	size_t n = spec->nr_exercises;
	char **sources = xcalloc(n, sizeof(*sources));
	double start = now_seconds();

	g->spec = spec;
	g->submission = submission ? xstrdup(submission) : NULL;
	g->nr_exercises = n;
	g->exercises = xcalloc(n, sizeof(*g->exercises));
	char **hints = xcalloc(n, sizeof(*hints));
	for (size_t i = 0; i < n; i++) {
		char *file = xasprintf("%s.c", spec->exercises[i].name);
		int given = overrides && overrides[i];
		char *path = given ? xstrdup(overrides[i]) : submission ? path_join(submission, file) : NULL;
		if (path && !given && !own_file(path) && file_exists(path)) {
			/* Read by the grader, whoever it runs as: only the
			 * submission's own files, not what a link points at. */
			hints[i] = xasprintf("%s is a symbolic link or not a regular file: put the file itself there", file);
			free(path);
		} else if (path && file_exists(path)) {
			sources[i] = path;
		} else {
			free(path);
		}
		free(file);
	}

	/* The folder's other files: near misses of a missing exercise's name
	 * get a hint (and are not built), the rest are the student's helpers. */
	char **helpers = xcalloc(1, sizeof(*helpers));
	size_t nr_helpers = 0, alloc_helpers = 1, nr_c = 0;
	DIR *d = submission ? opendir(submission) : NULL;
	struct dirent *e;
	while (d && (e = readdir(d))) {
		int is_c = ends_with(e->d_name, ".c") && strlen(e->d_name) > 2;
		if (e->d_name[0] == '.' || (!is_c && !ends_with(e->d_name, ".h")))
			continue;
		char *path = path_join(submission, e->d_name);
		/* Its name goes on the compiler's command line, its bytes into
		 * reports: a plain name ("-fplugin=x.c" is an option) and a
		 * regular file of its own (not a link to one elsewhere). */
		if (!plain_name(e->d_name) || !own_file(path)) {
			free(path);
			continue;
		}
		nr_c += is_c;
		int exercise = 0, hinted = 0;
		for (size_t i = 0; i < n && is_c; i++) {
			size_t nl = strlen(spec->exercises[i].name);
			if (!strncmp(e->d_name, spec->exercises[i].name, nl) && !strcmp(e->d_name + nl, ".c"))
				exercise = 1;
		}
		for (size_t i = 0; i < n && is_c && !exercise; i++) {
			if (!sources[i] && !hints[i] && pipeline_near_miss(e->d_name, spec->exercises[i].name)) {
				hints[i] = xasprintf("found %s: rename it to %s.c", e->d_name, spec->exercises[i].name);
				hinted = 1;
				break;
			}
		}
		if (exercise || hinted) {
			free(path);
			continue;
		}
		ALLOC_GROW(helpers, nr_helpers + 2, alloc_helpers);
		helpers[nr_helpers++] = path;
		helpers[nr_helpers] = NULL;
	}
	if (d)
		closedir(d);
	if (submission && !nr_c && !overrides) {
		struct buf list = BUF_INIT;
		for (size_t i = 0; i < n; i++)
			buf_addf(&list, "%s%s.c", i ? ", " : "", spec->exercises[i].name);
		g->notes = xasprintf("%s has no .c files: nothing to grade (put %s there)", submission, list.buf);
		g->no_sources = 1;
		buf_release(&list);
	}
	if (!spawn_sandbox_available()) {
		char *more = g->notes ? xasprintf("%s; %s", g->notes, spawn_isolation())
				      : xasprintf("%s", spawn_isolation());
		free(g->notes);
		g->notes = more;
	}

	struct job job = { ctx, spec, (const char *const *)sources, on_path("valgrind"),
			   (const char *const *)helpers, (const char *const *)hints, g };
	parallel_for(n, ctx->jobs < 1 ? 1 : ctx->jobs > 8 ? 8 : ctx->jobs, grade_one, &job);
	for (size_t i = 0; i < nr_helpers; i++)
		free(helpers[i]);
	free(helpers);
	for (size_t i = 0; i < n; i++)
		free(hints[i]);
	free(hints);

	grade_total(g);
	g->seconds = now_seconds() - start;
	for (size_t i = 0; i < n; i++)
		free(sources[i]);
	free(sources);
}
