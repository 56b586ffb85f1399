/* cache.h - reuse an exercise's result when nothing it depends on changed */
#ifndef CACHE_H
#define CACHE_H

#include "context.h"
#include "grade.h"

/* Everything the result of grading ex from source depends on, as one
 * string: the grader binary's identity, the toolchain's (objcache.h), the
 * runner's sources, the spec,
 * the course's header, tests and driver, the meter, and the submission's
 * path and bytes. Two gradings with equal material give equal verdicts
 * (but for timeouts, which are never cached). Caller frees. */
char *cache_material(const struct context *ctx, const struct spec *spec,
		     const struct spec_exercise *ex, const char *source, enum meter meter);

/* Fills r from the entry for material in dir. Returns 0 on a hit, -1 when
 * there is none (or it is damaged, of another material, or holds a check
 * that could not be graded). On -1, r may hold part of the entry: release
 * it. */
int cache_load(const char *dir, const char *material, const struct spec_exercise *ex,
	       struct exercise_result *r);

/* Stores r for material in dir, unless r depends on the machine's speed
 * (a timeout anywhere) or some check could not be graded (ST_ERROR).
 * Errors are ignored: a cache is optional. */
void cache_store(const char *dir, const char *material, const struct exercise_result *r);

#endif
