/* fitbench_build.c - compile a fitting-benchmark corpus entry with the runner */
#include "fitbench_build.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "spawn.h"

int fitbench_build(const struct context *ctx, const char *source, const char *dir,
		   struct buf *log)
{
	char *runner = path_join(ctx->harness_obj, "bench_main.o");
	char *lockdown = path_join(ctx->harness_obj, "lockdown.o");
	char *crash = path_join(ctx->harness_obj, "crash.o");
	char *threads = path_join(ctx->harness_obj, "thread_count.o");
	char *harness_src = path_join(ctx->root, "grader/harness");
	char *incl = xasprintf("-I%s", harness_src);
	char *bench = path_join(dir, "bench");
	/* The course's drivers are compiled so (build.c): the same flags make
	 * the corpus's costs read like a graded exercise's. */
	const char *argv[24];
	size_t n = 0;
	for (int i = 0; build_cc[i]; i++)
		argv[n++] = build_cc[i];
	const char *rest[] = { "-Wall", "-Wextra", incl, source, runner, crash, lockdown, threads, BUILD_RUNNER_WRAP, "-o", "bench", NULL };
	for (int i = 0; rest[i]; i++)
		argv[n++] = rest[i];
	argv[n] = NULL;
	/* The sandbox shows none of the course unless bound in. */
	char *source_dir = xstrdup(source);
	char *slash = strrchr(source_dir, '/');
	if (slash)
		*slash = '\0';
	const char *binds[] = { ctx->harness_obj, harness_src, slash ? source_dir : NULL, NULL };
	struct spawn sp = { SPAWN_COMPILER, .argv = argv, .cwd = dir, .ro_binds = binds };
	struct spawn_result res = SPAWN_RESULT_INIT;
	int ret = spawn_run(&sp, &res);

	buf_add(log, res.out.buf, res.out.len);
	if (res.timed_out)
		buf_addf(log, "grader: gcc did not finish in %d s\n", SPAWN_COMPILE_SECONDS);
	if (!ret && res.status)
		ret = -1;
	if (!ret) {
		if (chown(bench, geteuid(), getegid()) == 0)
			chmod(bench, 0755);
		if (chown(dir, geteuid(), getegid()) == 0)
			chmod(dir, 0755);
	}
	spawn_result_release(&res);
	free(runner);
	free(source_dir);
	free(lockdown);
	free(crash);
	free(threads);
	free(harness_src);
	free(incl);
	free(bench);
	return ret;
}
