/* pipeline.h - grade a topic: build, tests, complexity, memory per exercise */
#ifndef PIPELINE_H
#define PIPELINE_H

#include "grade.h"
#include "spec.h"

#include "context.h"

/* Grades the exercises of spec found in folder submission (each
 * <exercise>.c; a missing file fails that exercise's build). With
 * overrides, file overrides[i] (or NULL) replaces exercise i's file.
 * Fills g; never fails as a whole: what cannot be graded is reported in g. */
void pipeline_grade(struct context *ctx, const struct spec *spec, const char *submission,
		    const char *const *overrides, struct grade *g);

/* Whether file (a name ending in .c) looks like a near miss of the
 * exercise called name: a typo or two (one for names of 8 letters or
 * fewer), another case, a suffix after a non-word character
 * (has_duplicates-final.c), or a prefix of 4 letters or more. */
int pipeline_near_miss(const char *file, const char *name);

#endif
