/* test_spec_private.c - tests.private and tests.private_show: what the
 * loader reads, and each problem at its line:column */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spec.h"
#include "tests.h"
#include "util.h"

#define EX "topic: 07_p\nexercises:\n  - name: ex\n" /* the exercise at 3:5 */

struct private_case {
	const char *yaml;
	int count;        /* problems expected */
	const char *want; /* one of them: "line:column: start of the message" */
};

static const struct private_case cases[] = {
	{ EX "    tests: {private: [hid.c]}\n", 0, NULL },
	{ EX "    tests: {private: [hid.c, hid2.c], private_show: count}\n", 0, NULL },
	{ EX "    tests: {private: hid.c}\n", 1, "4:22: expected a list for 'private', got 'hid.c'" },
	{ EX "    tests: {private: []}\n", 1, "4:22: 'private' is empty" },
	{ EX "    tests: {private: [gone.c]}\n", 1, "4:23: file 'gone.c' not found in " },
	{ EX "    tests: {private: [sub/hid.c]}\n", 1,
	  "4:23: expected a file name for 'private', without folders, got 'sub/hid.c'" },
	{ EX "    tests: {private: [hid.c, hid.c]}\n", 1,
	  "4:30: duplicate private test file 'hid.c' (first at 4:23)" },
	{ EX "    tests: {private: [test_ex.c]}\n", 1,
	  "4:23: private test file 'test_ex.c' is also the tests of exercise 'ex'" },
	{ EX "    tests: {private: [ex.h]}\n", 1,
	  "4:23: private test file 'ex.h' is also the header of exercise 'ex'" },
	{ EX "    tests: {private: [bench_ex.c]}\n    complexity: {claim: O(n), sizes: [1024, 2048, 4096, 8192]}\n",
	  1, "4:23: private test file 'bench_ex.c' is also the benchmark driver of exercise 'ex'" },
	{ EX "    tests: {private: [hid.c], private_show: names}\n", 1,
	  "4:45: unknown way to show private tests 'names' (known: results, all, count)" },
	{ EX "    tests: {private_show: all}\n", 1, "4:13: 'private_show' without 'private'" },
	{ EX "    tests: {private: [a.c, b.c, c.c, d.c, e.c, f.c, g.c, h.c, i.c]}\n", 10,
	  "4:22: 'private' names 9 files; at most 8" },
};

/* A scratch course with topic 07_p: exercise ex, its tests, a bench driver
 * and a private test file hid.c (and hid2.c). */
static char *make_course(void)
{
	char *root = xstrdup("/tmp/grader-test-private-XXXXXX");
	cr_assert(mkdtemp(root), "mkdtemp");
	static const char *const files[] = {
		"specs/07_p/ex.h", "specs/07_p/test_ex.c", "specs/07_p/bench_ex.c",
		"specs/07_p/hid.c", "specs/07_p/hid2.c",
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

Test(spec_private, problems_and_positions)
{
	char *root = make_course();
	char *path = path_join(root, "specs/07_p.yaml");

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct private_case *c = &cases[i];
		struct spec spec = SPEC_INIT;
		char *out = NULL;
		size_t len;
		cr_assert_eq(write_file(path, c->yaml, strlen(c->yaml)), 0);
		FILE *f = open_memstream(&out, &len);
		cr_assert(f);
		int n = spec_load(&spec, path, f);
		fclose(f);
		cr_expect_eq(n, c->count, "case %zu: %d problems, want %d, in:\n%s\ngot:\n%s", i, n,
			     c->count, c->yaml, out);
		if (c->want) {
			char *prefix = xasprintf("%s:%s", path, c->want);
			cr_expect(strstr(out, prefix), "case %zu: want %s, in:\n%s\ngot:\n%s", i, c->want,
				  c->yaml, out);
			free(prefix);
		}
		spec_release(&spec);
		free(out);
	}
	free(path);
	remove_tree(root);
	free(root);
}

Test(spec_private, what_is_read)
{
	char *root = make_course();
	char *path = path_join(root, "specs/07_p.yaml");
	static const struct {
		const char *yaml;
		size_t nr;
		enum private_show show;
	} reads[] = {
		{ EX, 0, PRIVATE_SHOW_RESULTS },
		{ EX "    tests: {private: [hid.c]}\n", 1, PRIVATE_SHOW_RESULTS },
		{ EX "    tests: {private: [hid.c, hid2.c], private_show: all}\n", 2, PRIVATE_SHOW_ALL },
		{ EX "    tests:\n      private:\n        - hid2.c\n      private_show: count\n", 1,
		  PRIVATE_SHOW_COUNT },
	};
	for (size_t i = 0; i < sizeof(reads) / sizeof(reads[0]); i++) {
		struct spec spec = SPEC_INIT;
		cr_assert_eq(write_file(path, reads[i].yaml, strlen(reads[i].yaml)), 0);
		cr_expect_eq(spec_load(&spec, path, NULL), 0, "case %zu", i);
		cr_assert_eq(spec.nr_exercises, 1);
		const struct spec_exercise *ex = &spec.exercises[0];
		cr_expect_eq(ex->nr_private_tests, reads[i].nr, "case %zu: %zu private files", i,
			     ex->nr_private_tests);
		cr_expect_eq(ex->private_show, reads[i].show, "case %zu", i);
		if (reads[i].nr)
			cr_expect_str_eq(ex->private_tests[reads[i].nr - 1], reads[i].nr == 2 ? "hid2.c" :
					 i == 1 ? "hid.c" : "hid2.c");
		spec_release(&spec);
	}
	free(path);
	remove_tree(root);
	free(root);
}

/* The hooks name each test's file in its plan record: tests from a private
 * file are hidden unless private_show is all; a file that only ends like a
 * private one's name, or a plan without a file, is public. */
Test(spec_private, private_tests_are_told_by_their_file)
{
	static char hid[] = "hid.c", name[] = "ex";
	static char *priv[] = { hid };
	static const char *records =
		"plan\tsuite\tpublic_one\t/tmp/x/course/test_ex.c\n"
		"plan\tsuite\tsecret_one\t/tmp/x/course/hid.c\n"
		"plan\tsuite\tlook_alike\t/tmp/x/course/nothid.c\n"
		"plan\tsuite\tno_file\n"
		"done\tsuite\tsecret_one\t1\t0\t0\t0.01\t/tmp/x/course/hid.c\t7\tsecret message\n"
		"end\n";
	static const struct {
		enum private_show show;
		int hidden[4];
	} shows[] = {
		{ PRIVATE_SHOW_RESULTS, { 0, 1, 0, 0 } },
		{ PRIVATE_SHOW_COUNT, { 0, 1, 0, 0 } },
		{ PRIVATE_SHOW_ALL, { 0, 0, 0, 0 } },
	};
	for (size_t s = 0; s < sizeof(shows) / sizeof(shows[0]); s++) {
		struct spec_exercise ex;
		memset(&ex, 0, sizeof(ex));
		ex.name = name;
		ex.test_timeout = 2;
		ex.private_tests = priv;
		ex.nr_private_tests = 1;
		ex.private_show = shows[s].show;
		struct tests_result out;
		memset(&out, 0, sizeof(out));
		cr_expect_eq(tests_parse_records(records, &ex, &out), 1);
		cr_assert_eq(out.nr_cases, 4, "show %zu: %zu cases", s, out.nr_cases);
		for (size_t i = 0; i < 4; i++)
			cr_expect_eq(out.cases[i].hidden, shows[s].hidden[i], "show %zu: case %s hidden %d",
				     s, out.cases[i].name, out.cases[i].hidden);
		cr_expect_eq(out.cases[1].status, CASE_FAILED);
		for (size_t i = 0; i < out.nr_cases; i++) {
			free(out.cases[i].name);
			free(out.cases[i].message);
			free(out.cases[i].loc.file);
		}
		free(out.cases);
	}
}
