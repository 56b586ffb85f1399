/* test_fairness.c - topic names, near-miss file names, scratch paths in messages */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "cmd/cmd.h"
#include "pipeline.h"
#include "util.h"

/* The unit tests run in grader/tests: the course is two folders up. */
#define ROOT "../.."

static const struct {
	const char *given, *want; /* want NULL: no topic */
} topics[] = {
	{ "3", "03_time_complexity" },
	{ "03", "03_time_complexity" },
	{ "003", "03_time_complexity" },
	{ "03_time_complexity", "03_time_complexity" },
	{ "03_TIME_COMPLEXITY", "03_time_complexity" },
	{ "time", "03_time_complexity" },
	{ "exercises/03_time_complexity/", "03_time_complexity" },
	{ "10", "10_streaming_io" },
	{ "stream", "10_streaming_io" },
	{ "memory", NULL },     /* 01_memory_basics and 07_memory_management */
	{ "99", NULL },
	{ "nosuchtopic", NULL },
	{ "0", NULL },
};

Test(topic_spec_path, by_number_name_or_word)
{
	for (size_t i = 0; i < sizeof(topics) / sizeof(*topics); i++) {
		char *path = topic_spec_path(ROOT, topics[i].given);
		if (!topics[i].want) {
			cr_expect_null(path, "'%s' should name no topic, got %s", topics[i].given, path);
		} else {
			char *want = xasprintf("/specs/%s.yaml", topics[i].want);
			cr_expect(path && strlen(path) > strlen(want) && !strcmp(path + strlen(path) - strlen(want), want),
				  "'%s' gave %s, want %s", topics[i].given, path ? path : "(null)", want);
			free(want);
		}
		free(path);
	}
}

static const struct {
	const char *file, *name;
	int near;
} misses[] = {
	{ "has_duplicate.c", "has_duplicates", 1 },
	{ "Has_Duplicates.c", "has_duplicates", 1 },
	{ "has_dupliactes.c", "has_duplicates", 1 },
	{ "has_duplicates-final.c", "has_duplicates", 1 },
	{ "has_dup.c", "has_duplicates", 1 },
	{ "fib2.c", "fib", 1 },
	{ "sort_util.c", "has_duplicates", 0 },
	{ "has_duplicates_helpers.c", "has_duplicates", 0 },
	{ "count_common.c", "has_duplicates", 0 },
	{ "main.c", "fib", 0 },
	{ "has.c", "has_duplicates", 0 },
};

Test(pipeline_near_miss, table)
{
	for (size_t i = 0; i < sizeof(misses) / sizeof(*misses); i++)
		cr_expect_eq(pipeline_near_miss(misses[i].file, misses[i].name), misses[i].near,
			     "%s for %s: want %d", misses[i].file, misses[i].name, misses[i].near);
}

static const struct {
	const char *in, *want;
} scrubs[] = {
	{ "has_duplicates.c:3:5: error: x\n", "has_duplicates.c:3:5: error: x\n" },
	{ "/tmp/grader-ab12CD/0-has_duplicates/build/has_duplicates.c:3: x", "has_duplicates.c:3: x" },
	{ "/tmp/grader-ab12CD/0-has_duplicates/build/course/has_duplicates.h:13:6: note: y",
	  "specs/03_time_complexity/has_duplicates.h:13:6: note: y" },
	{ "In file included from course/has_duplicates.h:3,\n", "In file included from specs/03_time_complexity/has_duplicates.h:3,\n" },
	{ "ld: /tmp/grader-ab12CD/harness/cr_hooks.o: in function", "ld: grader/harness/cr_hooks.o: in function" },
	{ "see /tmp/grader-ab12CD/1-x/run/out", "see (grader)/1-x/run/out" },
	{ "mycourse/x.c and discourse/y", "mycourse/x.c and discourse/y" },
};

Test(build_scrub_paths, no_scratch_path_left)
{
	for (size_t i = 0; i < sizeof(scrubs) / sizeof(*scrubs); i++) {
		struct buf b = BUF_INIT;
		buf_adds(&b, scrubs[i].in);
		build_scrub_paths(&b, "/tmp/grader-ab12CD/0-has_duplicates/build", "specs/03_time_complexity/",
				  "/tmp/grader-ab12CD/harness", "/tmp/grader-ab12CD");
		cr_expect_str_eq(b.buf, scrubs[i].want, "case %zu", i);
		buf_release(&b);
	}
}
