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

#endif
