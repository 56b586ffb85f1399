/* bench.h - the benchmark driver API: what an instructor writes per exercise
 *
 * A driver (specs/NN_topic/bench_<exercise>.c) defines four functions; the
 * grader's runner (bench_main.c) calls them once per size n (or more: the
 * time meter repeats setup, run, check, teardown):
 *
 *   void *bench_setup(size_t n, struct bench_rng *rng);  make the input: not measured
 *   void  bench_run(void *input, size_t n);              call the exercise: measured
 *   const char *bench_check(void *input, size_t n);      check its answer: not measured
 *   void  bench_teardown(void *input, size_t n);         free the input: not measured
 *
 * bench_check() says whether the answer of the bench_run() call just made
 * on this input was right: NULL when it was, else a short text of what was
 * expected ("expected true"; bench_expect() formats one), which the grader
 * quotes: "has_duplicates() gave a wrong answer at n = 12345 in the
 * benchmark (expected true)". bench_run() keeps what it needs in the input
 * (the result it got, or the array it changed). A wrong answer fails the
 * complexity check and ends that run (the memory meters measure on). Every
 * course driver defines it; the runner treats a driver without one as
 * always right.
 *
 * Make the answers worth checking: the right answer should differ from one
 * size to the next (with duplicates or without, found or absent), chosen
 * with rng and known by construction, so that code which answers from a
 * shortcut when it believes it is measured gives a wrong answer. Keep each
 * input as hard as the worst case it stands for (a planted duplicate near
 * the end costs about what none costs). The check itself may take longer
 * than the call (a copy of the input, an oracle): nothing of it is counted.
 *
 * The sizes a driver sees are the ladder's, each moved down by a little
 * (up to a sixteenth) from the seed and never a power of two from 4 up:
 * a driver must handle any n, not only the ones the spec lists.
 *
 * Inputs must be allocated with bench_alloc()/bench_calloc() and released with
 * bench_release(): the memory check leaves those allocations out, so only
 * what the student's code allocates counts against the budget.
 *
 * Inputs are reproducible: rng is seeded from the spec's seed and n, so the
 * same n always gets the same input. A driver that wants the worst case for
 * an algorithm builds it here (all-distinct values, reversed order, ...).
 *
 * Input families: a spec may list several input shapes for one ladder
 * (complexity.families: [distinct, strided, descending]). The grader then
 * measures a whole ladder per family, and the verdict is the worst, named
 * ("grows as O(n^2) on strided input"). bench_family() gives the index of
 * the family being measured (0 for the first, and always 0 without
 * families); bench_setup() builds that shape. Each family gets its own
 * random stream; the first draws what a driver without families draws.
 *
 * Pass whatever bench_run computes to bench_sink() so that the compiler
 * cannot drop the call.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>
#include <stdint.h>

struct bench_rng {
	uint64_t state;
};

void *bench_setup(size_t n, struct bench_rng *rng);
void bench_run(void *input, size_t n);
void bench_teardown(void *input, size_t n);
const char *bench_check(void *input, size_t n);

/* Formats what was expected, for bench_check() to return: the text lives
 * in the runner until the next call. */
const char *bench_expect(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Allocates for inputs; never returns NULL (the runner exits with status 71 on failure). */
void *bench_alloc(size_t bytes);
/* As bench_alloc, zero-filled. */
void *bench_calloc(size_t count, size_t size);
/* Frees what bench_alloc/bench_calloc returned; NULL is fine. */
void bench_release(void *p);

/* The next 64 random bits (splitmix64): the same sequence for the same seed. */
uint64_t bench_rand(struct bench_rng *rng);
/* A uniform int in [lo, hi]. */
int bench_rand_int(struct bench_rng *rng, int lo, int hi);
/* Fills a[0..n) with a random permutation of lo, lo+1, ..., lo+n-1 (all distinct). */
void bench_fill_distinct(struct bench_rng *rng, int *a, size_t n, int lo);

/* The index, in the spec's complexity.families, of the input shape to
 * build: 0 without families. */
unsigned bench_family(void);
/* Consumes a result so that the measured call is not optimised away. */
void bench_sink(uint64_t value);

#endif
