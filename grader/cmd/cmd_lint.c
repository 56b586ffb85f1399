/* cmd_lint.c - "grader lint SPEC...": check specs and the course's own files before students do
 *
 * A spec that loads is not yet a course that grades: its test files and
 * benchmark drivers must compile, every driver must define the three
 * functions the runner calls (harness/bench.h), and both must link with the
 * topic's stub and reference solution. Lint compiles each of them (nothing
 * is run) and reports every problem at its file:line in specs/, all of
 * them, not only the first, so the instructor meets them before a student
 * meets an "error" status.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "cmd/cmd.h"
#include "exitcode.h"
#include "parallel.h"
#include "spawn.h"
#include "spec.h"
#include "util.h"

static const char usage[] = "usage: grader lint [--no-compile] SPEC...\n"
			    "checks each spec (specs/NN_topic.yaml) and prints its problems; then compiles the\n"
			    "topic's test files and benchmark drivers, checks that every driver defines\n"
			    "bench_setup, bench_run and bench_teardown, and links both with the stub and the\n"
			    "reference solution (--no-compile: the spec only)\n";

/* The functions the runner calls in every driver. */
static const char *const driver_api[] = { "bench_setup", "bench_run", "bench_teardown", NULL };

struct lint_job {
	int index;            /* of its spec on the command line */
	const struct spec *spec;
	const struct spec_exercise *ex;
	const char *harness;  /* the course's grader/harness */
	const char *objs;     /* the runner objects, compiled once */
	char *stub, *ref;     /* the exercise's stub and reference, or NULL */
	char *work;           /* this job's scratch folder */
	struct buf out;       /* what it reports, printed in order at the end */
	int problems;
};

/* Runs argv; its output goes to out. Returns 0 when it succeeded. */
static int run(const char **argv, const char *cwd, struct buf *out)
{
	struct spawn sp = { .argv = argv, .cwd = cwd, .timeout = 60, .output_cap = 64u << 10 };
	struct spawn_result res = SPAWN_RESULT_INIT;
	int r = spawn_run(&sp, &res);
	buf_add(out, res.out.buf, res.out.len);
	if (res.out.len && res.out.buf[res.out.len - 1] != '\n')
		buf_adds(out, "\n");
	r = r || res.status;
	spawn_result_release(&res);
	return r;
}

/* gcc -c src -o obj, as the grader compiles the course's files. */
static int compile(struct lint_job *j, const char *src, const char *obj)
{
	char *inc_spec = xasprintf("-I%s", j->spec->dir), *inc_harness = xasprintf("-I%s", j->harness);
	const char *argv[64];
	size_t n = 0;
	for (int i = 0; build_cc[i]; i++)
		argv[n++] = build_cc[i];
	argv[n++] = inc_spec;
	argv[n++] = inc_harness;
	for (size_t i = 0; i < j->ex->nr_cflags && n < 50; i++)
		argv[n++] = j->ex->cflags[i];
	argv[n++] = "-c";
	argv[n++] = src;
	argv[n++] = "-o";
	argv[n++] = obj;
	argv[n] = NULL;
	int r = run(argv, NULL, &j->out);
	free(inc_spec);
	free(inc_harness);
	return r;
}

/* "LINE:COL" of the first error the compiler reported in file since
 * offset of j->out, or "1:1", written into at. */
static const char *first_error_at(const struct lint_job *j, size_t offset, const char *file, char *at, size_t size)
{
	size_t fl = strlen(file);
	unsigned line, col;
	int used = 0;
	snprintf(at, size, "1:1");
	for (const char *p = j->out.buf + offset; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (!strncmp(p, file, fl) && sscanf(p + fl, ":%u:%u: error:%n", &line, &col, &used) == 2 && used) {
			snprintf(at, size, "%u:%u", line, col);
			break;
		}
	}
	return at;
}

static void problem(struct lint_job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void problem(struct lint_job *j, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&j->out, fmt, ap);
	va_end(ap);
	buf_adds(&j->out, "\n");
	j->problems++;
}

/* The driver API functions obj does not define, as "a(), b()", or NULL. */
static char *missing_api(struct lint_job *j, const char *obj)
{
	const char *argv[] = { "nm", "-P", "--defined-only", obj, NULL };
	struct buf syms = BUF_INIT, missing = BUF_INIT;
	int found[8] = { 0 };
	if (run(argv, NULL, &syms)) {
		buf_addf(&missing, "(nm could not read %s)", obj);
	} else {
		char *save = NULL;
		for (char *line = strtok_r(syms.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			char name[256], type[4];
			if (sscanf(line, "%255s %3s", name, type) != 2 || strcmp(type, "T"))
				continue;
			for (int i = 0; driver_api[i]; i++)
				found[i] |= !strcmp(name, driver_api[i]);
		}
		for (int i = 0; driver_api[i]; i++)
			if (!found[i])
				buf_addf(&missing, "%s%s()", missing.len ? ", " : "", driver_api[i]);
	}
	(void)j;
	buf_release(&syms);
	return missing.len ? buf_detach(&missing) : (buf_release(&missing), NULL);
}

/* Links course object obj with the solution's object and the runner's
 * objects (extra, NULL-terminated); problems are named after course_file. */
static void link_with(struct lint_job *j, const char *course_file, const char *obj, const char *solution,
		      const char *solution_obj, const char *const *extra, int criterion)
{
	const char *argv[64];
	size_t n = 0;
	char *out = path_join(j->work, "a.out");
	argv[n++] = "gcc";
	argv[n++] = obj;
	argv[n++] = solution_obj;
	for (int i = 0; extra[i]; i++)
		argv[n++] = extra[i];
	argv[n++] = "-o";
	argv[n++] = out;
	if (criterion)
		argv[n++] = "-lcriterion";
	for (size_t i = 0; i < j->ex->nr_libs && n < 60; i++)
		argv[n++] = j->ex->libs[i];
	argv[n] = NULL;
	if (run(argv, NULL, &j->out))
		problem(j, "%s/%s:1:1: does not link with %s (the linker's messages above)", j->spec->dir, course_file,
			solution);
	unlink(out);
	free(out);
}

static void lint_exercise(void *arg, size_t i)
{
	struct lint_job *j = &((struct lint_job *)arg)[i];
	const struct spec_exercise *ex = j->ex;
	char *stub_o = path_join(j->work, "stub.o"), *ref_o = path_join(j->work, "ref.o");
	char *hooks = path_join(j->objs, "cr_hooks.o"), *runner = path_join(j->objs, "bench_main.o");
	char *heap = path_join(j->objs, "heap_count.o");
	char *crash = path_join(j->objs, "crash.o"), *lockdown = path_join(j->objs, "lockdown.o");
	char *threads = path_join(j->objs, "thread_count.o");
	const char *solutions[2] = { j->stub, j->ref };
	const char *solution_objs[2] = { stub_o, ref_o };
	int built[2] = { 0, 0 };

	/* The solutions first: a course file is judged against code that
	 * compiles. A stub or reference that does not is reported too. */
	for (int s = 0; s < 2; s++) {
		if (!solutions[s])
			continue;
		built[s] = !compile(j, solutions[s], solution_objs[s]);
		if (!built[s])
			problem(j, "%s:1:1: the %s of %s does not compile (the compiler's messages above)", solutions[s],
				s ? "reference solution" : "stub", ex->name);
	}
	if (ex->test_file) {
		char *src = path_join(j->spec->dir, ex->test_file), *obj = path_join(j->work, "tests.o");
		size_t offset = j->out.len;
		char at[32];
		if (compile(j, src, obj)) {
			problem(j, "%s:%s: the test file of %s does not compile (the compiler's messages above)", src,
				first_error_at(j, offset, src, at, sizeof(at)), ex->name);
		} else {
			/* Linked as grading links them (build.c, link_target). */
			const char *extra[] = { hooks, crash, lockdown,
						BUILD_TESTS_WRAP, NULL };
			for (int s = 0; s < 2; s++)
				if (built[s])
					link_with(j, ex->test_file, obj, solutions[s], solution_objs[s], extra, 1);
		}
		free(src);
		free(obj);
	}
	for (int k = 0; k < 2; k++) {
		const char *driver = k ? ex->memory_bench : ex->bench_file;
		if (!driver || (k && ex->bench_file && !strcmp(driver, ex->bench_file)))
			continue;
		char *src = path_join(j->spec->dir, driver), *obj = path_join(j->work, k ? "bench-memory.o" : "bench.o");
		char *missing, at[32];
		size_t offset = j->out.len;
		if (compile(j, src, obj)) {
			problem(j, "%s:%s: the benchmark driver of %s does not compile (the compiler's messages above)", src,
				first_error_at(j, offset, src, at, sizeof(at)), ex->name);
		} else if ((missing = missing_api(j, obj))) {
			problem(j, "%s:1:1: the benchmark driver of %s does not define %s, which the grader's runner calls (grader/harness/bench.h)",
				src, ex->name, missing);
			free(missing);
		} else {
			const char *extra[] = { runner, crash, lockdown, threads, BUILD_RUNNER_WRAP,
						ex->has_space && !k ? heap : NULL, NULL };
			for (int s = 0; s < 2; s++)
				if (built[s])
					link_with(j, driver, obj, solutions[s], solution_objs[s], extra, 0);
		}
		free(src);
		free(obj);
	}
	free(stub_o);
	free(ref_o);
	free(hooks);
	free(runner);
	free(heap);
	free(crash);
	free(lockdown);
	free(threads);
}

/* <root>/<folder>/<topic>/<name>.c when it exists, else NULL. The course
 * root is the folder that holds specs/<topic>. */
static char *solution_path(const struct spec *spec, const char *folder, const char *name)
{
	char *root = xstrdup(spec->dir);
	for (int up = 0; up < 2; up++) {
		char *slash = strrchr(root, '/');
		if (slash)
			*slash = '\0';
		else
			strcpy(root, ".");
	}
	char *p = xasprintf("%s/%s/%s/%s.c", *root ? root : "/", folder, spec->topic, name);
	free(root);
	if (!file_exists(p)) {
		free(p);
		return NULL;
	}
	return p;
}

/* A warning, not a problem: exercises of one topic whose points add up
 * differently may be meant, but are more often a slip. */
static void warn_points(const struct spec *spec)
{
	struct buf list = BUF_INIT;
	int differ = 0;
	double first = 0;
	for (size_t i = 0; i < spec->nr_exercises; i++) {
		const struct spec_exercise *ex = &spec->exercises[i];
		double total = 0;
		for (int c = 0; c < CHECK_COUNT; c++)
			total += ex->points[c];
		if (!i)
			first = total;
		differ |= total != first;
		buf_addf(&list, "%s%s %g", i ? ", " : "", ex->name, total);
	}
	if (differ)
		fprintf(stderr, "%s: warning: the exercises' points add up differently (%s): meant?\n", spec->path,
			list.buf);
	buf_release(&list);
}

/* A warning, not a problem: a heap budget whose tests never name an
 * input's n (test_heap.h) is checked at the benchmark's size, and at the
 * tests' inputs only by a coarse net. */
static void warn_unnamed_inputs(const struct spec *spec)
{
	for (size_t i = 0; i < spec->nr_exercises; i++) {
		const struct spec_exercise *ex = &spec->exercises[i];
		if (!ex->heap_budget || !ex->memcheck_tests || !ex->test_file)
			continue;
		char *src = path_join(spec->dir, ex->test_file);
		struct buf text = BUF_INIT;
		if (!read_file(&text, src) && !strstr(text.buf, "heap_input("))
			fprintf(stderr, "%s:1:1: warning: the tests of %s never name an input's n (heap_input(n) around each call: grader/harness/test_heap.h), so its heap budget is checked only at the benchmark's size\n",
				src, ex->name);
		buf_release(&text);
		free(src);
	}
}

/* Compiles the runner's objects into dir, as grading does (build.c's
 * build_harness: the same objects, the same filter). Returns 0, or -1
 * with the compiler's messages printed. */
static int build_runner(const char *root, const char *dir)
{
	struct context ctx;
	memset(&ctx, 0, sizeof(ctx));
	ctx.root = (char *)root;
	ctx.harness_obj = (char *)dir;
	if (build_harness(&ctx))
		return error("cannot build the grader's runner: the course cannot be compiled");
	return 0;
}

/* Compiles every exercise of the loaded specs, counting each spec's
 * problems in problems[]. Returns 0, or -1 when the grader itself could
 * not work. */
static int lint_compile(struct spec *specs, const int *ok, int count, int *problems)
{
	char *root = course_root(NULL);
	char *harness = path_join(root, "grader/harness");
	const char *tmp = getenv("TMPDIR");
	char *scratch = xasprintf("%s/grader-lint-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	struct lint_job *jobs = NULL;
	size_t n = 0, alloc = 0;
	int ret = -1;

	if (!mkdtemp(scratch)) {
		error("cannot make a scratch folder in %s: %s", tmp && *tmp ? tmp : "/tmp", strerror(errno));
		free(scratch);
		scratch = NULL;
		goto out;
	}
	/* The compilers may run as another user (spawn.c): they write here. */
	chmod(scratch, 0711);
	char *objs = path_join(scratch, "runner");
	mkdir(objs, 0755);
	spawn_prepare_dir(objs);
	if (build_runner(root, objs)) {
		free(objs);
		goto out;
	}
	for (int s = 0; s < count; s++) {
		for (size_t e = 0; ok[s] && e < specs[s].nr_exercises; e++) {
			ALLOC_GROW(jobs, n + 1, alloc);
			struct lint_job *j = &jobs[n];
			memset(j, 0, sizeof(*j));
			j->index = s;
			j->spec = &specs[s];
			j->ex = &specs[s].exercises[e];
			j->harness = harness;
			j->objs = objs;
			j->stub = solution_path(&specs[s], "exercises", j->ex->name);
			j->ref = solution_path(&specs[s], "solutions", j->ex->name);
			char *name = xasprintf("%zu", n);
			j->work = path_join(scratch, name);
			free(name);
			mkdir(j->work, 0755);
			spawn_prepare_dir(j->work);
			j->out = (struct buf)BUF_INIT;
			n++;
		}
	}
	parallel_for(n, parallel_cores(), lint_exercise, jobs);
	ret = 0;
	for (size_t i = 0; i < n; i++) {
		fputs(jobs[i].out.buf, stderr);
		problems[jobs[i].index] += jobs[i].problems;
	}
	for (size_t i = 0; i < n; i++) {
		buf_release(&jobs[i].out);
		free(jobs[i].stub);
		free(jobs[i].ref);
		free(jobs[i].work);
	}
	free(jobs);
	free(objs);
out:
	if (scratch)
		remove_tree(scratch);
	free(scratch);
	free(harness);
	free(root);
	return ret;
}

int cmd_lint(int argc, char **argv)
{
	int first = 1, bad = 0, no_compile = 0;

	for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
		if (!strcmp(argv[first], "-h") || !strcmp(argv[first], "--help")) {
			fputs(usage, stdout);
			return EXIT_PASSED;
		} else if (!strcmp(argv[first], "--no-compile")) {
			no_compile = 1;
		} else if (!strcmp(argv[first], "--")) {
			first++;
			break;
		} else {
			fprintf(stderr, "grader: lint: unknown option '%s'\n%s", argv[first], usage);
			return EXIT_USAGE;
		}
	}
	if (first >= argc) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}

	int count = argc - first;
	struct spec *specs = xcalloc((size_t)count, sizeof(*specs));
	int *ok = xcalloc((size_t)count, sizeof(*ok)), *problems = xcalloc((size_t)count, sizeof(*problems));
	for (int i = 0; i < count; i++) {
		ok[i] = !spec_load(&specs[i], argv[first + i], stderr);
		bad |= !ok[i];
		if (ok[i]) {
			warn_points(&specs[i]);
			warn_unnamed_inputs(&specs[i]);
		}
	}
	/* The course's files of every spec that loaded, even when another
	 * did not: each bad entry is reported, none hides the next. */
	int internal = !no_compile && lint_compile(specs, ok, count, problems);
	for (int i = 0; i < count; i++) {
		if (ok[i] && !problems[i] && !internal)
			printf("%s: ok\n", argv[first + i]);
		else if (problems[i])
			fprintf(stderr, "%s: the course's files have %d problem%s (above)\n", argv[first + i], problems[i],
				problems[i] == 1 ? "" : "s");
		bad |= problems[i] != 0;
		spec_release(&specs[i]);
	}
	free(specs);
	free(ok);
	free(problems);
	fflush(stdout);
	if (internal)
		return EXIT_INTERNAL;
	return bad ? EXIT_USAGE : EXIT_PASSED;
}
