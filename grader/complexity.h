/* complexity.h - measure growth at a ladder of sizes and check the claim */
#ifndef COMPLEXITY_H
#define COMPLEXITY_H

#include "grade.h"
#include "context.h"
#include "grade.h"

/* Runs bench (built by build_exercise) at ex's sizes with meter, in a fresh
 * working folder run_dir, fits the classes and decides against ex's claim.
 * A size that could not be measured in time is evidence, not an error. */
void complexity_run(const struct context *ctx, const struct spec_exercise *ex, enum meter meter,
		    const char *bench, const char *build_dir, const char *run_dir,
		    struct complexity_result *out);

/* Fits out->points again and sets measured, runner_up and reading, leaving
 * status and reason (for results read back from the cache). */
void complexity_refit(struct complexity_result *out);

/* Decides out->status, measured class and reason from out->points (and
 * out->stopped_at) against claim. Exposed for tests. */
void complexity_decide(struct complexity_result *out, const char *fn);

#endif
