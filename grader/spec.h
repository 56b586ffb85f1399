/* spec.h - a topic's YAML spec, loaded and checked (docs/spec.md is the manual) */
#ifndef SPEC_H
#define SPEC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "fit.h"

/* The checks of an exercise, in the order the pipeline runs them. */
enum check {
	CHECK_BUILD,
	CHECK_TESTS,
	CHECK_COMPLEXITY,
	CHECK_MEMORY,
	CHECK_COUNT
};

/* "build", "tests", "complexity", "memory". */
const char *check_name(enum check c);

/* The most files tests.private may name. */
#define SPEC_MAX_PRIVATE_TESTS 8

/* What reports may show of the tests in an exercise's private files. */
enum private_show {
	PRIVATE_SHOW_RESULTS, /* each test's name and pass or fail (the default) */
	PRIVATE_SHOW_ALL,     /* names, results and failure messages */
	PRIVATE_SHOW_COUNT    /* results only, as "private/1", "private/2"...: no names */
};

enum meter {
	METER_INSTRUCTIONS, /* callgrind: exact and repeatable, the default */
	METER_TIME          /* CPU time natively: fast, noisy */
};

/* A place in a spec file, 1-based as editors show it. */
struct spec_pos {
	unsigned line, column;
};

/* A known-wrong variant: solutions/NN_topic/wrong/<file>, which must fail
 * exactly the checks in fails[] and pass the others. */
struct spec_variant {
	char *file;
	unsigned fails; /* bit (1 << enum check) per check it must fail */
	unsigned may_fail; /* checks whose verdict is left open (a race that
			    * tests catch only sometimes): neither pass nor
			    * fail is held against the course */
	char *because;  /* text the failing checks' reasons must hold, e.g.
			 * "O(n^2)": it failed for the reason intended */
	struct spec_pos pos;
};

/* The default budget_instructions: a few seconds under callgrind. */
#define SPEC_BUDGET_INSTRUCTIONS 3e8
/* The least budget_instructions a spec may set. */
#define SPEC_BUDGET_MIN 1e6
/* The most input families one complexity check may measure. */
#define SPEC_MAX_FAMILIES 8

struct spec_exercise {
	char *name;          /* the function, <name>.c and <name>.h */
	char *subject;       /* how reports name the code: "has_duplicates()" when
			      * <name>.h declares a function of that name, else
			      * the name alone (a structure's, as "intset") */
	struct spec_pos pos;
	double points[CHECK_COUNT]; /* build is always 0 */

	char *test_file;     /* in the topic's spec folder; default test_<name>.c */
	double test_timeout; /* seconds per test; default 2 */
	char **hidden;       /* test names whose messages students do not see */
	size_t nr_hidden;
	char **private_tests; /* tests.private: test files that only the
			       * instructor's course holds (a release leaves
			       * them out); built into the tests binary with
			       * test_file */
	struct spec_pos *private_pos; /* where each was named */
	size_t nr_private_tests;
	enum private_show private_show; /* tests.private_show */

	char *bench_file;    /* default bench_<name>.c; NULL when neither check uses one */
	uint64_t seed;       /* default 1 */

	int has_complexity;
	enum fit_class claim;
	enum meter meter;
	size_t *sizes;       /* ascending */
	size_t nr_sizes;
	double complexity_timeout; /* seconds for the whole ladder; default 20: only a
				    * safety net under the instructions meter */
	double budget_instructions; /* instructions meter: the ladder stops before a size
				     * that would take the instructions counted so far past
				     * this; default SPEC_BUDGET_INSTRUCTIONS */
	char **families;     /* complexity.families: the driver's input shapes, measured
			      * one ladder each (bench_family() gives the index); the
			      * verdict is the worst. NULL: one, unnamed */
	size_t nr_families;

	int has_memory;
	size_t memory_size;  /* n for massif and memcheck */
	char *heap_budget;   /* expression of n (expr.h), NULL for none */
	char *stack_budget;  /* expression of n, NULL for none */
	int allow_leaks;     /* default 0: any leak fails */
	char *memory_bench;  /* the driver massif and memcheck run; default bench_file */
	int has_space;       /* memory.space: a claim on how extra space grows */
	int exact_sizes;     /* run the sizes as given, not moved (the fitting
			      * corpus's trusted entries only: never from a spec) */
	enum fit_class space_claim;
	size_t *space_sizes; /* memory.sizes; default the complexity sizes */
	size_t nr_space_sizes;
	int forbid_races;    /* memory.races: forbid runs helgrind: any data race fails */
	int memcheck_tests;  /* memory.tests (on unless "none"): the Criterion tests are
			      * checked for memory errors too, naming the test behind a
			      * finding (memtests.c) */

	char **cflags;       /* extra compiler flags, e.g. -pthread */
	size_t nr_cflags;
	char **libs;         /* extra link flags, e.g. -lm */
	size_t nr_libs;

	struct spec_variant *variants;
	size_t nr_variants;
};

struct spec {
	char *path;          /* as given to spec_load */
	char *dir;           /* the topic's folder of headers, tests and drivers */
	char *topic;         /* e.g. 03_time_complexity */
	char *title;
	struct spec_exercise *exercises;
	size_t nr_exercises;
};

#define SPEC_INIT { 0 }

/* Loads and checks the spec at path. Every problem found is printed to err
 * as "path:line:column: message", all of them, not the first only.
 * Returns 0 when the spec is valid, or the number of problems found (and
 * spec holds whatever could be read; release it either way). */
int spec_load(struct spec *spec, const char *path, FILE *err);

/* Frees what spec holds and leaves it empty. */
void spec_release(struct spec *spec);

/* The keys one map of a spec may hold: section names the map ("top",
 * "exercise", "points", "tests", "complexity", "sizes" for a ladder
 * {from, to, ...}, "memory", "variant") and keys is NULL-terminated. */
struct spec_keys {
	const char *section;
	const char *const *keys;
};

/* Every key the loader accepts, per map; the array ends with a NULL
 * section. Static: never freed. For checking that docs/spec.md lists
 * them all. */
const struct spec_keys *spec_known_keys(void);

/* The exercise called name, or NULL. */
const struct spec_exercise *spec_exercise(const struct spec *spec, const char *name);

#endif
