/* complexity.h - measure growth at a ladder of sizes and check the claim */
#ifndef COMPLEXITY_H
#define COMPLEXITY_H

#include "context.h"
#include "grade.h"

/* Runs bench (built by build_exercise) at ex's sizes with meter, in a fresh
 * working folder run_dir, fits the classes and decides against ex's claim.
 * Under the instructions meter callgrind's dumps come through a channel
 * (valgrind/channel.h) and the ladder stops on counts
 * (complexity_ladder_stop); a run the wall clock cut short is
 * inconclusive, and counts far below what the clock says ran fail as
 * "measurements disagree". Dumps that are not what callgrind writes give
 * a reason starting "measurement error:". */
void complexity_run(const struct context *ctx, const struct spec_exercise *ex, enum meter meter,
		    const char *bench, const char *build_dir, const char *run_dir,
		    struct complexity_result *out);

/* Where a ladder under the instructions meter stops, from the counts of its
 * first k sizes: the index of the first size not to run, because the
 * instructions counted so far plus the next size's (projected from the
 * last step's growth over the next step's ratio of n) pass budget; nr_sizes
 * when they do not (yet). Deterministic: the same counts, the same sizes. */
size_t complexity_ladder_stop(const size_t *sizes, size_t nr_sizes, const double *counts, size_t k,
			      double budget);

/* Fits out->points again and sets measured, runner_up and reading, leaving
 * status and reason (for results read back from the cache). */
void complexity_refit(struct complexity_result *out);

/* Decides out->status, measured class and reason from out->points (and
 * out->stopped_at) against claim; subject names the code in the reason
 * ("has_duplicates()", or a structure's name: spec_exercise.subject).
 * Exposed for tests. */
void complexity_decide(struct complexity_result *out, const char *subject);

#endif
