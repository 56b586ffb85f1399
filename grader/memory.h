/* memory.h - peak heap and stack against budgets; leaks and invalid accesses */
#ifndef MEMORY_H
#define MEMORY_H

#include "context.h"
#include "grade.h"

/* Runs bench (built by build_exercise) once at ex's memory size under
 * massif (peak heap of the student's allocations: the driver's inputs are
 * left out), under memcheck (leaks, invalid reads and writes, uninitialised
 * values) and natively with a painted stack when ex has a stack budget.
 * Each run gets its own fresh folder under run_dir. Fills out. */
void memory_run(const struct context *ctx, const struct spec_exercise *ex, const char *bench,
		const char *build_dir, const char *run_dir, struct memory_result *out);

#endif
