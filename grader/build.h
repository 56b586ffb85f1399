/* build.h - compile a submission with the course's tests and benchmark runner */
#ifndef BUILD_H
#define BUILD_H

#include "context.h"
#include "grade.h"
#include "util.h"

/* The linker options every program of the harness is linked with, here
 * and in lint: the tests wrap three of Criterion's calls (cr_hooks.c), the
 * runners (and the tests' sanitizer build) the two calls that start a
 * thread (harness/thread_count.c counts them). */
#define BUILD_TESTS_WRAP \
	"-Wl,--wrap=criterion_internal_test_setup,--wrap=criterion_internal_test_main,--wrap=criterion_send_assert"
#define BUILD_RUNNER_WRAP "-Wl,--wrap=pthread_create,--wrap=thrd_create"

/* The compiler and the flags every C file of an exercise is compiled with,
 * NULL-terminated: the submission's, the course's tests and drivers, here,
 * in lint and in the fitting corpus, so that what lint accepts and what
 * the corpus measures is what grading builds. */
extern const char *const build_cc[];

/* Compiles the runner objects (grader/harness) into ctx->harness_obj.
 * Returns 0, or -1 with a message printed: the course itself is broken. */
int build_harness(struct context *ctx);

/* Builds exercise ex from source into folder dir: dir/tests (the
 * Criterion binary) and, when the exercise has a benchmark driver,
 * dir/bench (and dir/bench-memory when the memory check has its own,
 * dir/bench-heap when it fits space). helpers (NULL-terminated, or NULL)
 * are the submission's other files: its own .h files, found by the
 * exercise's #include "x.h" unless the course has a header of that name
 * (the course's signature header cannot be replaced), and .c files, each
 * compiled alone and linked when the exercise uses it (includes its
 * header, or needs a name it defines, transitively). Every file linked
 * must pass the same rules: no main kept, no calls to
 * fork/system/exec/syscall/dlsym/..., no constructors, no inline
 * assembly, no definitions of C library or harness names. A helper that
 * fails them, or does not compile, fails this build only if used. Fills
 * out with the status, the compiler's messages (scratch paths replaced by
 * the submission's file names and the course's paths) and, on failure,
 * the reason. Returns 0 when every binary was built. */
int build_exercise(const struct context *ctx, const struct spec *spec,
		   const struct spec_exercise *ex, const char *source, const char *const *helpers,
		   const char *dir, struct build_result *out);

/* The submission's files that a build in dir copied there (the exercise's
 * "<name>.c" first, then every helper .c and .h), as a NULL-terminated
 * list of base names for build_own_files' callers to match frames
 * against: a finding placed in any of them is the submission's, whichever
 * file the graded function was written in. Free with strv_free(). */
char **build_own_files(const char *dir, const char *exercise);

/* Rewrites log (a compiler's messages from a build in dir) so that no
 * path of the scratch folder is left: dir/x.c and x.c stay x.c, dir/course/
 * and a relative course/ become course (e.g. "specs/03_time_complexity/"),
 * harness_obj/ becomes grader/harness/, anything else under scratch
 * "(grader)". */
void build_scrub_paths(struct buf *log, const char *dir, const char *course, const char *harness_obj,
		       const char *scratch);

/* Parses gcc's "file:line:col: severity: message" lines of log that are
 * about file (a base name) into out. Returns the number found. */
size_t build_parse_diagnostics(const char *log, const char *file, struct diagnostic **out);

/* The first line (from 1) of a line directive in C source text s (#line,
 * or a GNU line marker), read as the preprocessor reads it; 0 if none. */
unsigned build_line_directive(const char *s);

#endif
