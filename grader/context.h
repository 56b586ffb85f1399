/* context.h - what every step of one grading run shares, and its lifecycle */
#ifndef CONTEXT_H
#define CONTEXT_H

#include "spec.h"

/* What every step of one grading run shares. */
struct context {
	char *root;           /* the course: specs/, solutions/, grader/harness/ */
	char *scratch;        /* this run's private folder, removed at the end */
	char *harness_obj;    /* scratch/harness: the runner objects, built once */
	int harness_state;    /* 0 not built yet, 1 built, -1 failed */
	int keep;             /* keep scratch for inspection */
	int jobs;             /* exercises graded at once */
	int force_meter;      /* nonzero: use meter for every exercise */
	enum meter meter;
	int quiet;            /* no progress lines on stderr */
	int no_cache;         /* set before context_init: no cache at all */
	int force;            /* grade everything afresh (and refresh the cache) */
	char *cache_dir;      /* results of unchanged exercises, or NULL: no cache */
};

/* Sets up ctx for the course at root: a scratch folder, the runner
 * objects, and the result cache (root/build/cache) unless ctx->no_cache
 * was set. Returns 0, or -1 with a message printed. */
int context_init(struct context *ctx, const char *root);

/* Builds the runner objects into ctx->harness_obj the first time it is
 * called (thread-safe). Returns 0 when they are there, -1 when they do not
 * build (a message was printed). */
int context_harness(struct context *ctx);

/* Removes the scratch folder (unless keep) and frees what ctx holds. */
void context_release(struct context *ctx);

#endif
