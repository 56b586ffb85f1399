/* test_memcheck.c - memcheck_parse on real memcheck logs and on broken ones */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>

#include "valgrind/memcheck.h"
#include "util.h"

/* The submission's files, as the parsers take them: one here. */
#define OWN(f) ((const char *const[]){ (f), NULL })

#define DATA "../testdata/memcheck/"
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof(*(a)))
#endif
#define STUDENT "has_duplicates.c"

static void load(struct buf *b, const char *name)
{
	char *path = xasprintf(DATA "%s", name);
	cr_assert_eq(read_file(b, path), 0, "cannot read %s", path);
	free(path);
}

struct leak_want {
	const char *kind;
	size_t bytes, blocks;
	const char *file;
	unsigned line;
};

struct error_want {
	const char *what;
	const char *file;
	unsigned line;
	const char *detail;
	size_t count;
};

struct log_case {
	const char *fixture;
	int complete, fatal_signal;
	long long error_total;
	long long lost[4];      /* definitely, indirectly, possibly, still reachable */
	size_t nr_leaks;
	struct leak_want leaks[3];
	size_t nr_errors;
	struct error_want errors[4];
};

#define NONE { -1, -1, -1, -1 }
#define ZERO { 0, 0, 0, 0 }
#define DL "definitely lost"

/* Read by hand from the fixtures; see testdata/memcheck/README. */
static const struct log_case log_cases[] = {
	{ "clean.log", 1, 0, 0, ZERO, 0, { { 0 } }, 0, { { 0 } } },
	{ "leak.log", 1, 0, 1, { 65536, 0, 0, 0 },
	  1, { { DL, 65536, 1, STUDENT, 18 } }, 0, { { 0 } } },
	/* killed: the input made by bench_alloc shows as lost, at the driver's line */
	{ "crash.log", 1, 11, 2, { 256, 0, 0, 0 },
	  1, { { DL, 256, 1, "bench_has_duplicates.c", 8 } },
	  1, { { "Invalid read of size 4", STUDENT, 12, "a null pointer", 1 } } },
	{ "hang.log", 0, 0, -1, NONE, 0, { { 0 } }, 0, { { 0 } } },
	{ "oob.log", 1, 0, 2, ZERO, 0, { { 0 } },
	  2, { { "Invalid read of size 4", STUDENT, 12,
		 "0 bytes after the input, a block of 256 bytes allocated at "
		 "bench_has_duplicates.c:8", 1 },
	       { "Invalid write of size 4", STUDENT, 13,
		 "0 bytes after a block of 256 bytes allocated at has_duplicates.c:9", 1 } } },
	/* two stacks at line 16 are one error, with the first one's detail */
	{ "freed.log", 1, 0, 127, ZERO, 0, { { 0 } },
	  3, { { "Invalid read of size 4", STUDENT, 16,
		 "0 bytes inside a block of 256 bytes freed at has_duplicates.c:13 "
		 "(allocated at has_duplicates.c:9)", 2 },
	       { "Invalid read of size 4", STUDENT, 15,
		 "8 bytes inside a block of 256 bytes freed at has_duplicates.c:13 "
		 "(allocated at has_duplicates.c:9)", 1 },
	       { "Invalid free() / delete / delete[] / realloc()", STUDENT, 17,
		 "0 bytes inside a block of 256 bytes freed at has_duplicates.c:13 "
		 "(allocated at has_duplicates.c:9)", 1 } } },
	/* with -s, the counts are memcheck's own: 95 + 31 + 1 = 127 */
	{ "freed_s.log", 1, 0, 127, ZERO, 0, { { 0 } },
	  3, { { "Invalid read of size 4", STUDENT, 16,
		 "0 bytes inside a block of 256 bytes freed at has_duplicates.c:13 "
		 "(allocated at has_duplicates.c:9)", 95 },
	       { "Invalid read of size 4", STUDENT, 15,
		 "8 bytes inside a block of 256 bytes freed at has_duplicates.c:13 "
		 "(allocated at has_duplicates.c:9)", 31 },
	       { "Invalid free() / delete / delete[] / realloc()", STUDENT, 17,
		 "0 bytes inside a block of 256 bytes freed at has_duplicates.c:13 "
		 "(allocated at has_duplicates.c:9)", 1 } } },
	{ "uninit.log", 1, 0, 67, ZERO, 0, { { 0 } },
	  4, { { "Use of uninitialised value of size 8", STUDENT, 20,
		 "uninitialised value from a local variable of has_duplicates "
		 "(has_duplicates.c:17)", 1 },
	       { "Conditional jump or move depends on uninitialised value(s)", STUDENT, 22,
		 "uninitialised value from a heap block allocated at has_duplicates.c:18", 1 },
	       { "Syscall param write(buf) points to uninitialised byte(s)", STUDENT, 29,
		 "1 byte inside a block of 16 bytes allocated at has_duplicates.c:27; "
		 "uninitialised value from a heap block allocated at has_duplicates.c:27", 1 },
	       { "Syscall param write(buf) points to uninitialised byte(s)", STUDENT, 33,
		 "on the stack, in a local variable of has_duplicates (has_duplicates.c:17); "
		 "uninitialised value from a local variable of has_duplicates "
		 "(has_duplicates.c:17)", 1 } } },
	{ "misc.log", 1, 0, 3, ZERO, 0, { { 0 } },
	  3, { { "Source and destination overlap in strncpy", STUDENT, 13, NULL, 1 },
	       { "Argument 'size' of function malloc has a fishy (possibly negative) value: -1",
		 STUDENT, 15, NULL, 1 },
	       { "Mismatched free() / delete / delete []", STUDENT, 17,
		 "0 bytes inside a block of 4 bytes allocated at has_duplicates.c:16", 1 } } },
	/* 1,160 (136 direct, 1,024 indirect): the direct bytes only */
	{ "listleak.log", 1, 0, 2, { 136, 1024, 32, 0 },
	  3, { { "possibly lost", 32, 1, STUDENT, 30 },
	       { "indirectly lost", 1024, 64, STUDENT, 24 },
	       { DL, 136, 1, STUDENT, 17 } }, 0, { { 0 } } },
	/* the child's error, the parent's leak and summary; the child's still
	 * reachable blocks are the parent's, inherited */
	{ "forks.log", 1, 0, 1, { 256, 0, 0, 512 },
	  1, { { DL, 256, 1, STUDENT, 11 } },
	  1, { { "Invalid read of size 4", STUDENT, 17,
		 "0 bytes after a block of 256 bytes allocated at has_duplicates.c:11", 1 } } },
	/* only the child finished: the main process's figures are unknown */
	{ "forks_truncated.log", 0, 0, -1, NONE, 0, { { 0 } },
	  1, { { "Invalid read of size 4", STUDENT, 17,
		 "0 bytes after a block of 256 bytes allocated at has_duplicates.c:11", 1 } } },
	{ "truncated.log", 0, 0, -1, NONE, 1, { { DL, 65536, 1, STUDENT, 18 } }, 0, { { 0 } } },
};

static void check_report(const char *name, const struct log_case *c,
			 const struct memcheck_report *r)
{
	const long long lost[4] = {
		r->definitely_lost, r->indirectly_lost, r->possibly_lost, r->still_reachable
	};

	cr_expect_eq(r->complete, c->complete, "%s: complete %d", name, r->complete);
	cr_expect_eq(r->fatal_signal, c->fatal_signal, "%s: signal %d", name, r->fatal_signal);
	cr_expect_eq(r->error_total, c->error_total, "%s: %lld errors", name, r->error_total);
	for (int k = 0; k < 4; k++)
		cr_expect_eq(lost[k], c->lost[k], "%s: lost[%d] %lld", name, k, lost[k]);

	cr_assert_eq(r->nr_leaks, c->nr_leaks, "%s: %zu leaks", name, r->nr_leaks);
	for (size_t i = 0; i < c->nr_leaks; i++) {
		const struct leak *l = &r->leaks[i];
		const struct leak_want *w = &c->leaks[i];
		cr_expect_str_eq(l->kind, w->kind, "%s: leak %zu", name, i);
		cr_expect_eq(l->bytes, w->bytes, "%s: leak %zu: %zu bytes", name, i, l->bytes);
		cr_expect_eq(l->blocks, w->blocks, "%s: leak %zu: %zu blocks", name, i, l->blocks);
		cr_assert_not_null(l->where.file, "%s: leak %zu", name, i);
		cr_expect_str_eq(l->where.file, w->file, "%s: leak %zu", name, i);
		cr_expect_eq(l->where.line, w->line, "%s: leak %zu: line %u", name, i, l->where.line);
	}

	cr_assert_eq(r->nr_errors, c->nr_errors, "%s: %zu errors", name, r->nr_errors);
	for (size_t i = 0; i < c->nr_errors; i++) {
		const struct mem_error *e = &r->errors[i];
		const struct error_want *w = &c->errors[i];
		cr_expect_str_eq(e->what, w->what, "%s: error %zu", name, i);
		cr_assert_not_null(e->where.file, "%s: error %zu", name, i);
		cr_expect_str_eq(e->where.file, w->file, "%s: error %zu", name, i);
		cr_expect_eq(e->where.line, w->line, "%s: error %zu: line %u", name, i, e->where.line);
		if (w->detail) {
			cr_assert_not_null(e->detail, "%s: error %zu", name, i);
			cr_expect_str_eq(e->detail, w->detail, "%s: error %zu", name, i);
		} else {
			cr_expect_null(e->detail, "%s: error %zu: %s", name, i, e->detail);
		}
		cr_expect_eq(r->error_counts[i], w->count, "%s: error %zu seen %zu times",
			     name, i, r->error_counts[i]);
	}
}

ParameterizedTestParameters(memcheck, fixtures)
{
	static size_t idx[ARRAY_SIZE(log_cases)];
	for (size_t i = 0; i < ARRAY_SIZE(idx); i++)
		idx[i] = i;
	return cr_make_param_array(size_t, idx, ARRAY_SIZE(idx));
}

ParameterizedTest(size_t *i, memcheck, fixtures)
{
	const struct log_case *c = &log_cases[*i];
	struct buf b = BUF_INIT;
	struct memcheck_report r;

	load(&b, c->fixture);
	cr_assert_eq(memcheck_parse(b.buf, b.len, OWN("src/" STUDENT), &r), 0, "%s", c->fixture);
	check_report(c->fixture, c, &r);
	memcheck_release(&r);
	memcheck_release(&r);
	buf_release(&b);
}

#define P "==42== "
#define Q "==43== "

struct text_case {
	const char *name;
	const char *text;
	struct log_case want;
};

/* Rules, on small hand-written logs. */
static const struct text_case text_cases[] = {
	{ "no student frame: the first frame with a source line, past valgrind's own",
	  P "8 bytes in 1 blocks are definitely lost in loss record 1 of 1\n"
	  P "   at 0x48417B4: malloc (vg_replace_malloc.c:381)\n"
	  P "   by 0x48417B5: strdup (in /usr/lib/x86_64-linux-gnu/libc.so.6)\n"
	  P "   by 0x10931F: bench_alloc (bench_main.c:38)\n"
	  P "   by 0x109D43: helper (course.c:8)\n",
	  { NULL, 0, 0, -1, NONE, 1, { { DL, 8, 1, "course.c", 8 } }, 0, { { 0 } } } },
	{ "two processes writing into one message, CRLF line ends",
	  P "Invalid write of size 1\r\n"
	  Q "Invalid read of size 8\r\n"
	  P "   at 0x1: fill (has_duplicates.c:5)\r\n"
	  Q "   at 0x2: walk (has_duplicates.c:9)\r\n"
	  Q " Address 0x8 is not stack'd, malloc'd or (recently) free'd\r\n"
	  P " Address 0x4a42140 is 0 bytes after a block of size 1,024 alloc'd\r\n"
	  P "   at 0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)\r\n"
	  P "   by 0x3: fill (has_duplicates.c:4)\r\n"
	  P "\r\n" Q "\r\n"
	  P "ERROR SUMMARY: 1 errors from 1 contexts (suppressed: 0 from 0)\r\n",
	  { NULL, 1, 0, 1, NONE, 0, { { 0 } },
	    2, { { "Invalid write of size 1", STUDENT, 5,
		   "0 bytes after a block of 1024 bytes allocated at has_duplicates.c:4", 1 },
		 { "Invalid read of size 8", STUDENT, 9, "a null pointer plus 8 (address 0x8)", 1 } } } },
	{ "an error of a kind this parser does not know, and a warning",
	  P "Warning: set address range perms: large range [0x59c7000, 0x259c7000) (undefined)\n"
	  P "   at 0x1: f (has_duplicates.c:1)\n"
	  P "Jump to the invalid address stated on the next line\n"
	  P "   at 0x0: ???\n"
	  P "   by 0x109E0A: has_duplicates (has_duplicates.c:21)\n"
	  P " Address 0x0 is not stack'd, malloc'd or (recently) free'd\n",
	  { NULL, 0, 0, -1, NONE, 0, { { 0 } },
	    1, { { "Jump to the invalid address stated on the next line", STUDENT, 21,
		   "a null pointer", 1 } } } },
	{ "below the stack pointer, a realloc'd block, a global",
	  P "Invalid read of size 4\n"
	  P "   at 0x1: f (has_duplicates.c:3)\n"
	  P " Address 0x1ffefffb28 is on thread 1's stack\n"
	  P " 8 bytes below stack pointer\n"
	  P "\n"
	  P "Invalid read of size 4\n"
	  P "   at 0x1: f (has_duplicates.c:4)\n"
	  P " Address 0x4a42140 is 4 bytes inside a recently re-allocated block of size 8 alloc'd\n"
	  P "   at 0x484A0A3: realloc (vg_replace_malloc.c:1437)\n"
	  P "   by 0x3: f (has_duplicates.c:2)\n"
	  P "\n"
	  P "Syscall param write(buf) points to uninitialised byte(s)\n"
	  P "   at 0x1: f (has_duplicates.c:5)\n"
	  P " Address 0x10c040 is 0 bytes inside data symbol \"table\"\n"
	  P "\n",
	  { NULL, 0, 0, -1, NONE, 0, { { 0 } },
	    3, { { "Invalid read of size 4", STUDENT, 3,
		   "on the stack, 8 bytes below the stack pointer (a function that has returned)", 1 },
		 { "Invalid read of size 4", STUDENT, 4,
		   "4 bytes inside a block of 8 bytes reallocated at has_duplicates.c:2", 1 },
		 { "Syscall param write(buf) points to uninitialised byte(s)", STUDENT, 5,
		   "0 bytes inside data symbol \"table\"", 1 } } } },
	{ "leaks at one line from several stacks add up; a -s count without its error",
	  P "16 bytes in 2 blocks are definitely lost in loss record 1 of 2\n"
	  P "   at 0x1: malloc (vg_replace_malloc.c:381)\n"
	  P "   by 0x2: f (has_duplicates.c:7)\n"
	  P "   by 0x3: g (has_duplicates.c:20)\n"
	  P "\n"
	  P "24 bytes in 3 blocks are definitely lost in loss record 2 of 2\n"
	  P "   at 0x1: malloc (vg_replace_malloc.c:381)\n"
	  P "   by 0x2: f (has_duplicates.c:7)\n"
	  P "   by 0x3: g (has_duplicates.c:30)\n"
	  P "\n"
	  P "4 errors in context 1 of 1:\n"
	  P "LEAK SUMMARY:\n"
	  P "   definitely lost: 40 bytes in 5 blocks\n",
	  { NULL, 0, 0, -1, { 40, -1, -1, -1 },
	    1, { { DL, 40, 5, STUDENT, 7 } }, 0, { { 0 } } } },
	{ "lines without the prefix and valgrind's own messages are skipped",
	  "hello from the program\n"
	  "--42-- warning: L3 cache found, using its data for the LL simulation.\n"
	  "**42** Valgrind's memory management: out of memory:\n"
	  P "HEAP SUMMARY:\n"
	  P "    in use at exit: 0 bytes in 0 blocks\n"
	  P "All heap blocks were freed -- no leaks are possible\n",
	  { NULL, 0, 0, -1, ZERO, 0, { { 0 } }, 0, { { 0 } } } },
};

ParameterizedTestParameters(memcheck, rules)
{
	static size_t idx[ARRAY_SIZE(text_cases)];
	for (size_t i = 0; i < ARRAY_SIZE(idx); i++)
		idx[i] = i;
	return cr_make_param_array(size_t, idx, ARRAY_SIZE(idx));
}

ParameterizedTest(size_t *i, memcheck, rules)
{
	const struct text_case *c = &text_cases[*i];
	struct memcheck_report r;

	cr_assert_eq(memcheck_parse(c->text, strlen(c->text), OWN(STUDENT), &r), 0, "%s", c->name);
	check_report(c->name, &c->want, &r);
	memcheck_release(&r);
}

Test(memcheck, no_frame_with_a_line_leaves_the_file_null)
{
	static const char text[] =
		P "8 bytes in 1 blocks are definitely lost in loss record 1 of 1\n"
		P "   at 0x48417B4: malloc (in /usr/libexec/valgrind/vgpreload_memcheck-amd64-linux.so)\n"
		P "   by 0x1: ??? (in /tmp/a.out)\n";
	struct memcheck_report r;

	cr_assert_eq(memcheck_parse(text, sizeof(text) - 1, OWN(STUDENT), &r), 0);
	cr_assert_eq(r.nr_leaks, 1);
	cr_expect_null(r.leaks[0].where.file);
	cr_expect_eq(r.leaks[0].where.line, 0);
	memcheck_release(&r);
}

Test(memcheck, not_a_log)
{
	static const char *const texts[] = { "", "hello\n", "== 1 == x\n", "==x== y\n" };
	for (size_t i = 0; i < ARRAY_SIZE(texts); i++) {
		struct memcheck_report r;
		cr_expect_eq(memcheck_parse(texts[i], strlen(texts[i]), OWN(STUDENT), &r), -1,
			     "'%s'", texts[i]);
		cr_expect_eq(r.nr_errors + r.nr_leaks, 0);
		cr_expect_eq(r.complete, 0);
		cr_expect_eq(r.definitely_lost, -1);
		memcheck_release(&r);
	}
}

/* Whatever the input, a consistent report and nothing left to leak; and
 * what it returns agrees with what it filled: -1 (not a valgrind log)
 * leaves the report empty and incomplete. */
static void parse_anything(const char *text, size_t len)
{
	struct memcheck_report r;
	int ret = memcheck_parse(text, len, OWN(STUDENT), &r);
	cr_assert(ret == 0 || ret == -1, "memcheck_parse returned %d", ret);
	if (ret) {
		cr_assert_eq(r.nr_errors + r.nr_leaks, 0, "-1, but %zu findings", r.nr_errors + r.nr_leaks);
		cr_assert_eq(r.complete, 0);
	}
	for (size_t i = 0; i < r.nr_errors; i++) {
		cr_assert_not_null(r.errors[i].what);
		cr_assert_geq(r.error_counts[i], 1);
		for (const char *s = r.errors[i].what; *s; s++)
			cr_assert_geq((unsigned char)*s, 0x20);
	}
	for (size_t i = 0; i < r.nr_leaks; i++)
		cr_assert_not_null(r.leaks[i].kind);
	memcheck_release(&r);
}

Test(memcheck, garbage)
{
	struct buf b = BUF_INIT;
	load(&b, "garbage.log");
	parse_anything(b.buf, b.len);
	buf_release(&b);
}

Test(memcheck, every_prefix)
{
	struct buf b = BUF_INIT;
	load(&b, "uninit.log");
	for (size_t len = 0; len <= b.len; len++) {
		char *cut = xmalloc(len);
		memcpy(cut, b.buf, len);
		parse_anything(cut, len);
		free(cut);
	}
	buf_release(&b);
}

Test(memcheck, mutations)
{
	static const char alphabet[] = "=0123456789 :,()\nx";
	struct buf b = BUF_INIT;
	unsigned long long seed = 54321;

	load(&b, "listleak.log");
	char *text = xmalloc(b.len);
	for (int round = 0; round < 400; round++) {
		memcpy(text, b.buf, b.len);
		for (int k = 0; k < 1 + round % 5; k++) {
			seed = seed * 6364136223846793005ull + 1442695040888963407ull;
			size_t at = (size_t)(seed >> 33) % b.len;
			text[at] = alphabet[(seed >> 13) % (sizeof(alphabet) - 1)];
		}
		parse_anything(text, b.len);
	}
	free(text);
	buf_release(&b);
}

/* The graded function may live in a helper file: a finding's place is its
 * first frame in any of the submission's files, before the C library's. */
Test(memcheck, a_helper_file_is_the_submissions_own)
{
	static const char text[] =
		P "472 bytes in 1 blocks are definitely lost in loss record 1 of 1\n"
		P "   at 0x48417B4: malloc (vg_replace_malloc.c:381)\n"
		P "   by 0x48A6E5A: __fopen_internal (iofopen.c:65)\n"
		P "   by 0x109D43: scan (dup_impl.c:15)\n"
		P "   by 0x109E0A: has_duplicates (dup_impl.c:30)\n"
		P "   by 0x10931F: bench_run (bench_has_duplicates.c:38)\n";
	const char *const own[] = { STUDENT, "sort_util.h", "dup_impl.c", NULL };
	struct memcheck_report r;

	cr_assert_eq(memcheck_parse(text, sizeof(text) - 1, own, &r), 0);
	cr_assert_eq(r.nr_leaks, 1);
	cr_expect_str_eq(r.leaks[0].where.file, "dup_impl.c");
	cr_expect_eq(r.leaks[0].where.line, 15);
	memcheck_release(&r);

	/* Not listed: the first frame with a line, the C library's. */
	cr_assert_eq(memcheck_parse(text, sizeof(text) - 1, OWN(STUDENT), &r), 0);
	cr_expect_str_eq(r.leaks[0].where.file, "iofopen.c");
	memcheck_release(&r);
}
