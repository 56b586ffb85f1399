/* build.h - compile a submission with the course's tests and benchmark runner */
#ifndef BUILD_H
#define BUILD_H

#include "grade.h"
#include "context.h"
#include "grade.h"

/* Compiles the runner objects (grader/harness) into ctx->harness_obj.
 * Returns 0, or -1 with a message printed: the course itself is broken. */
int build_harness(struct context *ctx);

/* Builds exercise ex from source into folder dir: dir/tests (the
 * Criterion binary) and, when the exercise has a benchmark driver,
 * dir/bench (and dir/bench-memory when the memory check has its own). The submission is compiled alone from a private copy, against
 * the course's header, and must pass the symbol policy (no main kept, no
 * calls to fork/system/exec/syscall/dlsym/..., no constructors, no inline
 * assembly, no definitions of C library or harness names). Fills out with
 * the status, the compiler's messages and, on failure, the reason. Returns
 * 0 when both binaries were built. */
int build_exercise(const struct context *ctx, const struct spec *spec,
		   const struct spec_exercise *ex, const char *source, const char *dir,
		   struct build_result *out);

/* Parses gcc's "file:line:col: severity: message" lines of log that are
 * about file (a base name) into out. Returns the number found. */
size_t build_parse_diagnostics(const char *log, const char *file, struct diagnostic **out);

#endif
