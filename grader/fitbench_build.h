/* fitbench_build.h - compile a fitting-benchmark corpus entry with the runner */
#ifndef FITBENCH_BUILD_H
#define FITBENCH_BUILD_H

#include "context.h"
#include "grade.h"
#include "util.h"

/* Compiles source, a corpus entry of grader/fitbench (the function and its
 * bench_setup/bench_run/bench_teardown in one file), with the runner object
 * built by context_init into dir/bench, with the flags the course's drivers
 * get. dir must exist and be prepared for children (spawn_prepare_dir); on
 * success it is handed back to the grader read-only, as the pipeline does
 * with a submission's build. The compiler's messages are appended to log.
 * Returns 0, or -1 when the entry did not build. */
int fitbench_build(const struct context *ctx, const char *source, const char *dir,
		   struct buf *log);

#endif
