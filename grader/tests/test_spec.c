/* test_spec.c - loading specs: a valid course, broken fixtures, and a table
 * of problems with their line:column */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spec.h"
#include "util.h"

#define FIXTURES "../testdata/specs"

/* Loads path, with what spec_load prints in *out (caller frees). */
static int load(struct spec *spec, const char *path, char **out)
{
	size_t len;
	FILE *f = open_memstream(out, &len);
	cr_assert(f, "open_memstream");
	int n = spec_load(spec, path, f);
	fclose(f);
	return n;
}

/* True when some line of out is path:<want>... */
static int has_problem(const char *out, const char *path, const char *want)
{
	char *prefix = xasprintf("%s:%s", path, want);
	size_t len = strlen(prefix);
	int found = 0;
	for (const char *line = out; line && *line; line = strchr(line, '\n'), line += !!line)
		if (!strncmp(line, prefix, len))
			found = 1;
	free(prefix);
	return found;
}

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

Test(spec, check_names)
{
	cr_expect_str_eq(check_name(CHECK_BUILD), "build");
	cr_expect_str_eq(check_name(CHECK_TESTS), "tests");
	cr_expect_str_eq(check_name(CHECK_COMPLEXITY), "complexity");
	cr_expect_str_eq(check_name(CHECK_MEMORY), "memory");
}

Test(spec, valid_course)
{
	const char *path = FIXTURES "/course/specs/01_demo.yaml";
	struct spec spec = SPEC_INIT;
	char *out = NULL;

	cr_assert_eq(load(&spec, path, &out), 0, "problems:\n%s", out);
	cr_expect_str_eq(out, "");
	cr_expect_str_eq(spec.path, path);
	cr_expect_str_eq(spec.dir, FIXTURES "/course/specs/01_demo");
	cr_expect_str_eq(spec.topic, "01_demo");
	cr_expect_str_eq(spec.title, "Demo: every key");
	cr_assert_eq(spec.nr_exercises, 2);

	const struct spec_exercise *ex = spec_exercise(&spec, "demo");
	cr_assert(ex);
	cr_expect_eq(ex, &spec.exercises[0]);
	cr_expect_eq(ex->pos.line, 6);
	cr_expect_eq(ex->pos.column, 5);
	cr_expect_eq(ex->points[CHECK_BUILD], 0);
	cr_expect_eq(ex->points[CHECK_TESTS], 5);
	cr_expect_eq(ex->points[CHECK_COMPLEXITY], 3);
	cr_expect_eq(ex->points[CHECK_MEMORY], 2);
	cr_expect_str_eq(ex->test_file, "test_demo.c");
	cr_expect_eq(ex->test_timeout, 1.5);
	cr_assert_eq(ex->nr_hidden, 2);
	cr_expect_str_eq(ex->hidden[0], "big_input");
	cr_expect_str_eq(ex->hidden[1], "random_input");
	cr_expect_str_eq(ex->bench_file, "bench_demo.c");
	cr_expect_eq(ex->seed, 42);
	cr_expect(ex->has_complexity);
	cr_expect_eq(ex->claim, FIT_NLOGN);
	cr_expect_eq(ex->meter, METER_TIME);
	cr_assert_eq(ex->nr_sizes, 5);
	static const size_t sizes[] = { 1000, 2000, 4000, 8000, 16000 };
	for (size_t i = 0; i < 5; i++)
		cr_expect_eq(ex->sizes[i], sizes[i], "size %zu: %zu", i, ex->sizes[i]);
	cr_expect_eq(ex->complexity_timeout, 30);
	cr_expect(ex->has_memory);
	cr_expect_eq(ex->memory_size, 4096);
	cr_expect_str_eq(ex->heap_budget, "2*n*sizeof(int) + 64 KiB");
	cr_expect_str_eq(ex->stack_budget, "1KiB");
	cr_expect_eq(ex->allow_leaks, 1);
	cr_assert_eq(ex->nr_cflags, 1);
	cr_expect_str_eq(ex->cflags[0], "-pthread");
	cr_assert_eq(ex->nr_libs, 1);
	cr_expect_str_eq(ex->libs[0], "-lm");
	cr_assert_eq(ex->nr_variants, 2);
	cr_expect_str_eq(ex->variants[0].file, "demo_slow.c");
	cr_expect_eq(ex->variants[0].fails, 1u << CHECK_COMPLEXITY);
	cr_expect_eq(ex->variants[0].pos.line, 27);
	cr_expect_eq(ex->variants[0].pos.column, 9);
	cr_expect_eq(ex->variants[1].fails, (1u << CHECK_TESTS) | (1u << CHECK_MEMORY));

	ex = spec_exercise(&spec, "demo_defaults");
	cr_assert(ex);
	cr_expect_eq(ex->points[CHECK_TESTS], 6);
	cr_expect_eq(ex->points[CHECK_COMPLEXITY], 2);
	cr_expect_eq(ex->points[CHECK_MEMORY], 0, "no memory check, no memory points");
	cr_expect_str_eq(ex->test_file, "test_demo_defaults.c");
	cr_expect_eq(ex->test_timeout, 2);
	cr_expect_eq(ex->nr_hidden, 0);
	cr_expect_str_eq(ex->bench_file, "bench_demo_defaults.c");
	cr_expect_eq(ex->seed, 1);
	cr_expect_eq(ex->claim, FIT_EXP);
	cr_expect_eq(ex->meter, METER_INSTRUCTIONS);
	cr_assert_eq(ex->nr_sizes, 11, "10, 12, ..., 30");
	for (size_t i = 0; i < 11; i++)
		cr_expect_eq(ex->sizes[i], 10 + 2 * i);
	cr_expect_eq(ex->complexity_timeout, 20);
	cr_expect_not(ex->has_memory);
	cr_expect_null(ex->heap_budget);
	cr_expect_null(ex->stack_budget);
	cr_expect_eq(ex->allow_leaks, 0);
	cr_expect_eq(ex->nr_cflags + ex->nr_libs + ex->nr_variants, 0);

	cr_expect_null(spec_exercise(&spec, "nope"));
	spec_release(&spec);
	cr_expect_null(spec.path);
	cr_expect_eq(spec.nr_exercises, 0);
	spec_release(&spec);
	free(out);
}

/* The real course's spec: the grader must accept what the course ships. */
Test(spec, course_topic_03)
{
	const char *path = "../../specs/03_time_complexity.yaml";
	struct spec spec = SPEC_INIT;
	char *out = NULL;

	cr_assert_eq(load(&spec, path, &out), 0, "problems:\n%s", out);
	cr_expect_str_eq(spec.topic, "03_time_complexity");
	cr_expect_str_eq(spec.dir, "../../specs/03_time_complexity");
	const struct spec_exercise *ex = spec_exercise(&spec, "has_duplicates");
	cr_assert(ex);
	cr_expect_eq(ex->claim, FIT_NLOGN);
	cr_expect(ex->has_memory);
	cr_expect_str_eq(ex->heap_budget, "16*n + 64KiB");
	spec_release(&spec);
	free(out);
}

struct broken_case {
	const char *name;
	const char *want; /* "line:column: start of the message" */
};

static const struct broken_case broken[] = {
	{ "truncated", "5:29: did not find expected ',' or '}'" },
	{ "empty", "1:1: the spec is empty" },
	{ "garbage", "1:1: not a text file: control characters are not allowed (0x7F)" },
	{ "tab_indent", "3:1: tab character: YAML indents with spaces only" },
	{ "unclosed_quote", "2:8: unclosed quote" },
	{ "misspelt_key", "5:7: unknown key 'timout' (did you mean 'timeout'?)" },
	{ "text_for_number", "5:16: expected a number above 0 for 'timeout', got 'abc'" },
	{ "missing_file", "5:14: file 'bench_missing.c' not found in "
			  FIXTURES "/broken/specs/missing_file/" },
	{ "two_documents", "4:1: a second YAML document" },
	{ "nested_brackets", "2:75: nested deeper than 64 levels" },
};

Test(spec, broken_fixtures)
{
	for (size_t i = 0; i < sizeof(broken) / sizeof(broken[0]); i++) {
		char *path = xasprintf(FIXTURES "/broken/specs/%s.yaml", broken[i].name);
		struct spec spec = SPEC_INIT;
		char *out = NULL;
		int n = load(&spec, path, &out);
		cr_expect_eq(n, 1, "%s: %d problems:\n%s", broken[i].name, n, out);
		cr_expect_eq(count_lines(out), (size_t)n, "%s: one line per problem", broken[i].name);
		cr_expect(has_problem(out, path, broken[i].want), "%s: want %s:%s, got:\n%s",
			  broken[i].name, path, broken[i].want, out);
		spec_release(&spec);
		free(out);
		free(path);
	}
}

Test(spec, unreadable)
{
	struct {
		const char *path, *want;
	} cases[] = {
		{ FIXTURES "/no/such/spec.yaml", "cannot read the spec: No such file or directory" },
		{ FIXTURES "/course/specs", "not a regular file" },
		{ "/dev/zero", "not a regular file" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct spec spec = SPEC_INIT;
		char *out = NULL;
		cr_expect_eq(load(&spec, cases[i].path, &out), 1, "%s", cases[i].path);
		cr_expect(has_problem(out, cases[i].path, " "), "%s: %s", cases[i].path, out);
		cr_expect(strstr(out, cases[i].want), "%s: %s", cases[i].path, out);
		cr_expect_eq(spec.nr_exercises, 0);
		spec_release(&spec);
		free(out);
	}
}

Test(spec, err_may_be_null)
{
	struct spec spec = SPEC_INIT;
	cr_expect_eq(spec_load(&spec, FIXTURES "/broken/specs/empty.yaml", NULL), 1);
	spec_release(&spec);
}

/* ---- a table of specs written into a scratch course ---- */

#define HEAD "topic: 07_t\nexercises:\n"
#define EX HEAD "  - name: ex\n" /* the exercise map at 3:5, its name at 3:11 */

struct text_case {
	const char *yaml;
	int count;        /* problems expected */
	const char *want; /* one of them: "line:column: start of the message" */
};

static const struct text_case texts[] = {
	/* keys */
	{ EX "    complexty: {claim: O(n), sizes: [1, 2, 3, 4]}\n", 1,
	  "4:5: unknown key 'complexty' (did you mean 'complexity'?)" },
	{ EX "    zzz: 1\n", 1, "4:5: unknown key 'zzz' (known: name, points, tests, "
				"complexity, memory, cflags, libs, variants)" },
	{ EX "    tests: {}\n    tests: {}\n", 1, "5:5: duplicate key 'tests' (first at 4:5)" },
	{ "topic: 07_t\ntopic: 07_t\nexercises:\n  - name: ex\n", 1,
	  "2:1: duplicate key 'topic' (first at 1:1)" },
	{ "topic: 07_t\n? [a]\n: 1\nexercises:\n  - name: ex\n", 1,
	  "2:3: expected a key name, got a list" },
	{ EX "    points: {build: 1}\n", 1,
	  "4:14: unknown key 'build' (known: tests, complexity, memory)" },

	/* input families */
	{ EX "    complexity: {claim: O(n), sizes: [64, 128, 256, 512, 1024], families: [ok, Bad!]}\n", 1,
	  "4:80: family 'Bad!' is not a short name" },
	{ EX "    complexity: {claim: O(n), sizes: [64, 128, 256, 512, 1024], families: [a, b, a]}\n", 1,
	  "4:82: family 'a' is listed twice" },

	/* types */
	{ EX "    cflags: -pthread\n", 1, "4:13: expected a list for 'cflags', got '-pthread'" },
	{ EX "    libs: [-lm, [x]]\n", 1, "4:17: expected a string for 'libs', got a list" },
	{ EX "    tests: [a]\n", 1, "4:12: expected a map for 'tests', got a list" },
	{ EX "    tests:\n      timeout:\n", 1,
	  "5:7: expected a number above 0 for 'timeout', got nothing" },
	{ EX "    tests: {timeout: -2}\n", 1,
	  "4:22: expected a number above 0 for 'timeout', got '-2'" },
	{ EX "    tests: {timeout: 0x10}\n", 1,
	  "4:22: expected a number above 0 for 'timeout', got '0x10'" },
	{ EX "    tests: {timeout: 2, file: sub/test_ex.c}\n", 1,
	  "4:31: expected a file name for 'file', without folders, got 'sub/test_ex.c'" },
	{ EX "    tests: {hidden: [a, b, a]}\n", 1,
	  "4:28: duplicate hidden test 'a' (first at 4:22)" },
	{ "topic: 07_t\ntitle: [a]\nexercises:\n  - name: ex\n", 1,
	  "2:8: expected a string for 'title', got a list" },

	/* complexity */
	{ EX "    complexity: {claim: O(n^4), sizes: [1, 2, 3, 4]}\n", 1,
	  "4:25: unknown class 'O(n^4)'; known: O(1), O(log n), O(sqrt n), O(n), "
	  "O(n log n), O(n^2), O(n^3), O(2^n)" },
	{ EX "    complexity: {sizes: [1, 2, 3, 4]}\n", 1,
	  "4:17: missing key 'claim' in 'complexity'" },
	{ EX "    complexity: {claim: O(n)}\n", 1, "4:17: missing key 'sizes' in 'complexity'" },
	{ EX "    complexity: {claim: O(n), sizes: [1, 2, 3]}\n", 1,
	  "4:38: 'sizes' has 3 sizes; at least 4" },
	{ EX "    complexity: {claim: O(n), sizes: [1, 2, 2, 4]}\n", 1,
	  "4:45: 'sizes' must be ascending: 2 after 2" },
	{ EX "    complexity: {claim: O(n), sizes: [1, 2, x, 4]}\n", 1,
	  "4:45: expected a whole number above 0 for 'sizes', got 'x'" },
	{ EX "    complexity: {claim: O(n), sizes: [0, 1, 2, 3]}\n", 1,
	  "4:39: expected a whole number above 0 for 'sizes', got '0'" },
	{ EX "    complexity: {claim: O(n), sizes: 1024}\n", 1,
	  "4:38: expected a list of sizes or a map {from, to, factor} for 'sizes', got '1024'" },
	{ EX "    complexity: {claim: O(n), sizes: {from: 16, to: 64}}\n", 1,
	  "4:38: the ladder makes 3 sizes; at least 4" },
	{ EX "    complexity: {claim: O(n), sizes: {from: 1, to: 64, factor: 2, step: 1}}\n", 1,
	  "4:67: 'factor' and 'step' cannot both be given" },
	{ EX "    complexity: {claim: O(n), sizes: {from: 64, to: 16}}\n", 1,
	  "4:53: 'to' (16) must be larger than 'from' (64)" },
	{ EX "    complexity: {claim: O(n), sizes: {from: 1, to: 100000, step: 1}}\n", 1,
	  "4:38: the ladder makes more than 64 sizes" },
	{ EX "    complexity: {claim: O(n), sizes: {from: 1, to: 64, factor: 1}}\n", 1,
	  "4:64: expected a number above 1 for 'factor', got '1'" },
	{ EX "    complexity: {claim: O(n), sizes: {to: 64}}\n", 1,
	  "4:38: missing key 'from' in 'sizes'" },
	{ EX "    complexity: {claim: O(n), meter: cycles, sizes: [1, 2, 3, 4]}\n", 1,
	  "4:38: unknown meter 'cycles' (known: instructions, time)" },
	{ EX "    complexity: {claim: O(n), meter: instruction, sizes: [1, 2, 3, 4]}\n", 1,
	  "4:38: unknown meter 'instruction' (did you mean 'instructions'?)" },
	{ EX "    complexity: {claim: O(n), seed: -1, sizes: [1, 2, 3, 4]}\n", 1,
	  "4:37: expected a whole number of 0 or more for 'seed', got '-1'" },
	{ EX "    complexity: {claim: O(n), seed: 99999999999999999999999, sizes: [1, 2, 3, 4]}\n",
	  1, "4:37: 'seed' is too large" },
	{ EX "    complexity: {claim: O(n), timeout: 0, sizes: [1, 2, 3, 4]}\n", 1,
	  "4:40: expected a number above 0 for 'timeout', got '0'" },

	/* memory */
	{ EX "    memory: {heap: 16*n + 64KiBs}\n", 1,
	  "4:29: bad 'heap' budget: unknown unit 'KiBs'" },
	{ EX "    memory: {heap: \"16*n +\"}\n", 1,
	  "4:27: bad 'heap' budget: expected a number, n or '(' after '+'" },
	{ EX "    memory: {heap: 'n * 2 KiBs'}\n", 1,
	  "4:27: bad 'heap' budget: unknown unit 'KiBs'" },
	{ EX "    memory: {heap: \"16*n \\x2B 64Ki\"}\n", 1,
	  "4:20: bad 'heap' budget at column 10 of '16*n + 64Ki': unknown unit 'Ki'" },
	{ EX "    memory:\n      heap: 16*n +\n        64KiBs\n", 1,
	  "5:13: bad 'heap' budget at column 10 of '16*n + 64KiBs': unknown unit 'KiBs'" },
	{ EX "    memory: {stack: sizeof(foo)}\n", 1,
	  "4:28: bad 'stack' budget: unknown type 'foo'" },
	{ EX "    memory: {heap: [1]}\n", 1,
	  "4:20: expected a budget expression for 'heap', got a list" },
	{ EX "    memory: {leaks: sometimes}\n", 1,
	  "4:21: unknown leak policy 'sometimes' (known: forbid, allow)" },
	{ EX "    memory: {size: 0}\n", 1,
	  "4:20: expected a whole number above 0 for 'size', got '0'" },
	{ EX "    complexity: {bench: bench_ex.c, claim: O(n), sizes: [1, 2, 3, 4]}\n"
	     "    memory: {bench: bench_other.c}\n", 1,
	  "5:21: file 'bench_other.c' not found in " },
	{ EX "    memory: {space: O(n^4), sizes: [1, 2, 3, 4]}\n", 1,
	  "4:21: unknown class 'O(n^4)' for 'space'" },
	{ EX "    complexity: {claim: O(n), sizes: [1024, 1280, 1536, 2048]}\n", 1,
	  "4:38: sizes 1024..2048 cannot tell the claim O(n) from O(n log n)" },
	{ EX "    memory: {races: sometimes}\n", 1,
	  "4:21: unknown race policy 'sometimes' (known: allow, forbid)" },
	{ EX "    memory: {bench: bench_gone.c}\n", 1, "4:21: file 'bench_gone.c' not found in " },
	{ HEAD "  - name: other\n    memory: {}\n", 3,
	  "4:5: file 'bench_other.c' not found in " },

	/* variants */
	{ EX "    variants:\n      - file: ex_bad.c\n        fails: memroy\n", 1,
	  "6:16: unknown check 'memroy' (did you mean 'memory'?)" },
	{ EX "    variants:\n      - {file: ex_bad.c, fails: [tests, complexity]}\n", 1,
	  "5:41: variant 'ex_bad.c' cannot fail 'complexity': the exercise has no "
	  "'complexity' section" },
	{ EX "    variants:\n      - {file: ex_gone.c, fails: tests}\n", 1,
	  "5:16: file 'ex_gone.c' not found in " },
	{ EX "    variants:\n      - {file: ex_bad.c, fails: []}\n", 1, "5:33: 'fails' is empty" },
	{ EX "    variants:\n      - {fails: tests}\n", 1, "5:9: missing key 'file' in variant" },
	{ EX "    variants:\n      - {file: ex_bad.c}\n", 1, "5:9: missing key 'fails' in variant" },
	{ EX "    variants:\n      - ex_bad.c\n", 1,
	  "5:9: expected a map {file, fails} for each variant, got 'ex_bad.c'" },

	/* points */
	{ EX "    points: {memory: 1}\n", 1,
	  "4:22: points for 'memory', but the exercise has no 'memory' section" },
	{ EX "    points: {tests: -1}\n", 1,
	  "4:21: expected a number of 0 or more for 'tests', got '-1'" },

	/* exercises and the top level */
	{ HEAD "  - name: has-dups\n", 1, "3:11: expected a C identifier for 'name', got 'has-dups'" },
	{ EX "  - name: ex\n", 1, "4:5: duplicate exercise 'ex' (first at 3:5)" },
	{ HEAD "  - tests: {}\n", 1, "3:5: missing key 'name' in exercise 1" },
	{ HEAD "  - ex\n", 1, "3:5: expected a map for exercise 1, got 'ex'" },
	{ "topic: 07_t\nexercises: []\n", 1, "2:12: 'exercises' is empty" },
	{ "topic: 07_t\n", 1, "1:1: missing key 'exercises'" },
	{ "topic: 07_t\nexercises: {a: 1}\n", 1, "2:12: expected a list for 'exercises', got a map" },
	{ "topic: 07_u\nexercises:\n  - name: ex\n", 1,
	  "1:8: topic '07_u' does not match the file name: expected '07_t'" },
	{ "exercises:\n  - name: ex\n", 1, "1:1: missing key 'topic' (it should be '07_t')" },
	{ "- a\n", 1, "1:1: expected a map of keys (topic, title, exercises) at the top level, "
		      "got a list" },
	{ "hello\n", 1, "1:1: expected a map of keys (topic, title, exercises) at the top level, "
			"got 'hello'" },

	/* YAML itself */
	{ "topic: &t 07_t\nexercises:\n  - name: ex\n", 1, "1:8: anchors ('&t') are not supported" },
	{ EX "    libs: *x\n", 1, "4:11: aliases ('*x') are not supported" },
	{ "---\n", 1, "1:1: the spec is empty" },
	{ "# nothing here\n", 1, "1:1: the spec is empty" },
	{ "topic: 07_t\ntitle: caf\xe9\n", 1, "2:11: not a text file: incomplete UTF-8 octet sequence" },
	{ "topic: 07_t\ntitle: a: b\n", 1, "2:9: mapping values are not allowed in this context" },

	/* all problems, in the order of the file */
	{ EX "    zzz: 1\n    tests: {timeout: abc}\n    yyy: 2\n", 3, "5:22: expected a number" },

	/* valid */
	{ EX, 0, NULL },
	{ EX "    tests: {timeout: \"2\"}\n", 0, NULL },
	{ EX "    variants: [{file: ex_bad.c, fails: tests}]\n", 0, NULL },
	{ EX "    memory: {heap: 0, stack: 0}\n    points: {complexity: 0}\n", 0, NULL },
	{ "topic: 07_t\r\nexercises:\r\n  - name: ex\r\n", 0, NULL },
	{ "\xef\xbb\xbftopic: 07_t\nexercises:\n  - name: ex\n", 0, NULL },
	{ "--- # one document, marked\ntopic: 07_t\nexercises:\n  - name: ex\n...\n", 0, NULL },
};

/* A scratch course with topic 07_t: exercise ex and variant ex_bad.c. */
static char *make_course(void)
{
	char *root = xstrdup("/tmp/grader-test-spec-XXXXXX");
	cr_assert(mkdtemp(root), "mkdtemp");
	static const char *const files[] = {
		"specs/07_t/ex.h", "specs/07_t/test_ex.c", "specs/07_t/bench_ex.c",
		"solutions/07_t/wrong/ex_bad.c",
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *path = path_join(root, files[i]);
		char *dir = xstrndup(path, (size_t)(strrchr(path, '/') - path));
		cr_assert_eq(mkdir_p(dir, 0755), 0, "%s", dir);
		cr_assert_eq(write_file(path, "\n", 1), 0, "%s", path);
		free(dir);
		free(path);
	}
	return root;
}

Test(spec, problems_and_positions)
{
	char *root = make_course();
	char *path = path_join(root, "specs/07_t.yaml");

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		const struct text_case *c = &texts[i];
		struct spec spec = SPEC_INIT;
		char *out = NULL;
		cr_assert_eq(write_file(path, c->yaml, strlen(c->yaml)), 0);
		int n = load(&spec, path, &out);
		cr_expect_eq(n, c->count, "case %zu: %d problems, want %d, in:\n%s\ngot:\n%s", i, n,
			     c->count, c->yaml, out);
		cr_expect_eq(count_lines(out), (size_t)n, "case %zu: one line per problem", i);
		if (c->want)
			cr_expect(has_problem(out, path, c->want), "case %zu: want %s, in:\n%s\ngot:\n%s",
				  i, c->want, c->yaml, out);
		spec_release(&spec);
		free(out);
	}
	free(path);
	remove_tree(root);
	free(root);
}

Test(spec, problems_are_sorted_by_position)
{
	char *root = make_course();
	char *path = path_join(root, "specs/07_t.yaml");
	const char *yaml = EX "    zzz: 1\n    tests: {timeout: abc}\n    yyy: 2\n";
	struct spec spec = SPEC_INIT;
	char *out = NULL;

	cr_assert_eq(write_file(path, yaml, strlen(yaml)), 0);
	cr_assert_eq(load(&spec, path, &out), 3);
	const char *a = strstr(out, ":4:5:"), *b = strstr(out, ":5:22:"), *c = strstr(out, ":6:5:");
	cr_expect(a && b && c && a < b && b < c, "in order:\n%s", out);
	spec_release(&spec);
	free(out);
	free(path);
	remove_tree(root);
	free(root);
}

Test(spec, topic_folder_missing)
{
	char *root = make_course();
	char *path = path_join(root, "specs/08_none.yaml");
	const char *yaml = "topic: 08_none\nexercises:\n  - name: ex\n";
	struct spec spec = SPEC_INIT;
	char *out = NULL;

	cr_assert_eq(write_file(path, yaml, strlen(yaml)), 0);
	cr_expect_eq(load(&spec, path, &out), 1, "%s", out);
	cr_expect(has_problem(out, path, "1:8: folder '"), "%s", out);
	cr_expect(strstr(out, "specs/08_none/' not found"), "%s", out);
	spec_release(&spec);
	free(out);
	free(path);
	remove_tree(root);
	free(root);
}

/* The folders around a spec, however its path is spelt. */
Test(spec, folders_from_the_path)
{
	char *root = make_course();
	char *specs = path_join(root, "specs");
	char *cwd = getcwd(NULL, 0);
	const char *yaml = EX "    variants: [{file: ex_bad.c, fails: tests}]\n";
	struct {
		const char *path, *dir;
	} cases[] = {
		{ "07_t.yaml", "07_t" },
		{ "./07_t.yaml", "07_t" },
		{ "../specs/07_t.yaml", "../specs/07_t" },
		{ ".//07_t.yaml", "07_t" },
	};

	char *file = path_join(specs, "07_t.yaml");
	cr_assert_eq(write_file(file, yaml, strlen(yaml)), 0);
	cr_assert_eq(chdir(specs), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct spec spec = SPEC_INIT;
		char *out = NULL;
		cr_expect_eq(load(&spec, cases[i].path, &out), 0, "%s:\n%s", cases[i].path, out);
		cr_expect_str_eq(spec.dir, cases[i].dir);
		spec_release(&spec);
		free(out);
	}
	cr_assert_eq(chdir(root), 0);
	struct spec spec = SPEC_INIT;
	char *out = NULL;
	cr_expect_eq(load(&spec, "specs/07_t.yaml", &out), 0, "%s", out);
	cr_expect_str_eq(spec.dir, "specs/07_t");
	spec_release(&spec);
	free(out);

	cr_assert_eq(chdir(cwd), 0);
	free(cwd);
	free(file);
	free(specs);
	remove_tree(root);
	free(root);
}

/* Inputs that could make a careless loader slow or deep: the bounds are
 * loose (valgrind and sanitizer builds run this too), hangs are what they
 * catch. */
Test(spec, large_inputs_stay_quick, .timeout = 120)
{
	char *root = make_course();
	char *path = path_join(root, "specs/07_t.yaml");
	struct buf b = BUF_INIT;

	buf_adds(&b, HEAD);
	for (int i = 0; i < 20000; i++)
		buf_adds(&b, "  - name: ex\n");
	cr_assert_eq(write_file(path, b.buf, b.len), 0);
	struct spec spec = SPEC_INIT;
	char *out = NULL;
	double t0 = now_seconds();
	cr_expect_eq(load(&spec, path, &out), 19999);
	cr_expect_lt(now_seconds() - t0, 30.0);
	spec_release(&spec);
	free(out);

	buf_reset(&b);
	buf_adds(&b, "topic: 07_t\nexercises: ");
	for (int i = 0; i < 100000; i++)
		buf_adds(&b, "{");
	cr_assert_eq(write_file(path, b.buf, b.len), 0);
	out = NULL;
	t0 = now_seconds();
	cr_expect_eq(load(&spec, path, &out), 1, "%s", out);
	cr_expect(has_problem(out, path, "2:75: nested deeper than 64 levels"), "%s", out);
	cr_expect_lt(now_seconds() - t0, 30.0);
	spec_release(&spec);
	free(out);

	buf_reset(&b);
	for (int i = 0; i < (1 << 20) + 1; i++)
		buf_adds(&b, "#");
	cr_assert_eq(write_file(path, b.buf, b.len), 0);
	out = NULL;
	cr_expect_eq(load(&spec, path, &out), 1);
	cr_expect(strstr(out, "too large for a spec"), "%s", out);
	spec_release(&spec);
	free(out);

	buf_release(&b);
	free(path);
	remove_tree(root);
	free(root);
}
