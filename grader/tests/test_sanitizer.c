/* test_sanitizer.c - sanitizer_parse on real ASan, LSan and UBSan output */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "sanitizer.h"
#include "util.h"

/* The submission's files, as the parsers take them: one here. */
#define OWN(f) ((const char *const[]){ (f), NULL })

#define DATA "../testdata/sanitizer/"

struct want {
	const char *what;      /* errors: what, or a leak's kind */
	const char *file;
	unsigned line;
	const char *detail;    /* a part of the detail, or NULL for none */
	size_t bytes;          /* leaks only */
};

struct san_case {
	const char *fixture, *student;
	size_t found, nr_errors, nr_leaks;
	struct want items[4];  /* errors first, then leaks */
};

/* Read by hand from the fixtures (see testdata/sanitizer/README). */
static const struct san_case cases[] = {
	{ "overflow.log", "has_duplicates.c", 1, 1, 0,
	  { { "Invalid read of size 4 (heap buffer overflow)", "has_duplicates.c", 3,
	      "0 bytes to the right of 40-byte region; allocated at has_duplicates.c:5", 0 } } },
	{ "use_after_free.log", "has_duplicates.c", 1, 1, 0,
	  { { "Invalid read of size 4 (use after free)", "has_duplicates.c", 9,
	      "freed at has_duplicates.c:9; allocated at has_duplicates.c:5", 0 } } },
	{ "double_free.log", "has_duplicates.c", 1, 1, 0,
	  { { "Double free", "has_duplicates.c", 10, "freed at has_duplicates.c:10", 0 } } },
	{ "leak.log", "count_common.c", 2, 0, 2,
	  { { "definitely lost", "count_common.c", 9, NULL, 100 }, { "definitely lost", "count_common.c", 5, NULL, 40 } } },
	{ "ubsan_overflow.log", "count_common.c", 1, 1, 0,
	  { { "Undefined behaviour: signed integer overflow: 2 + 2147483647 cannot be represented in type 'int'",
	      "count_common.c", 10, NULL, 0 } } },
	{ "ubsan_bounds.log", "count_common.c", 3, 3, 0,
	  { { "Undefined behaviour: index 5 out of bounds for type 'int [4]'", "count_common.c", 11, NULL, 0 },
	    { "Undefined behaviour: store to address with insufficient space for an object of type 'int'",
	      "count_common.c", 11, NULL, 0 },
	    { "Invalid write of size 4 (stack buffer overflow)", "count_common.c", 11, "the variable 'b'", 0 } } },
	/* Another student's file name: the place is the first frame that is
	 * neither the sanitizer's runtime nor the C library. */
	{ "overflow.log", "other.c", 1, 1, 0,
	  { { "Invalid read of size 4 (heap buffer overflow)", "has_duplicates.c", 3, NULL, 0 } } },
};

Test(sanitizer, fixtures)
{
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		const struct san_case *k = &cases[c];
		struct buf b = BUF_INIT;
		struct sanitizer_report r;
		char *path = xasprintf(DATA "%s", k->fixture);
		cr_assert_eq(read_file(&b, path), 0, "cannot read %s", path);
		size_t found = sanitizer_parse(b.buf, b.len, OWN(k->student), &r);
		cr_expect_eq(found, k->found, "%s: found %zu, want %zu", k->fixture, found, k->found);
		cr_assert_eq(r.nr_errors, k->nr_errors, "%s: %zu errors", k->fixture, r.nr_errors);
		cr_assert_eq(r.nr_leaks, k->nr_leaks, "%s: %zu leaks", k->fixture, r.nr_leaks);
		for (size_t i = 0; i < k->nr_errors; i++) {
			const struct want *w = &k->items[i];
			const struct mem_error *e = &r.errors[i];
			cr_expect_str_eq(e->what, w->what, "%s", k->fixture);
			cr_expect_str_eq(e->where.file ? e->where.file : "(none)", w->file, "%s", k->fixture);
			cr_expect_eq(e->where.line, w->line, "%s: line %u", k->fixture, e->where.line);
			if (w->detail)
				cr_expect(e->detail && strstr(e->detail, w->detail), "%s: detail '%s'", k->fixture,
					  e->detail ? e->detail : "(none)");
		}
		for (size_t i = 0; i < k->nr_leaks; i++) {
			const struct want *w = &k->items[k->nr_errors + i];
			const struct leak *l = &r.leaks[i];
			cr_expect_str_eq(l->kind, w->what, "%s", k->fixture);
			cr_expect_str_eq(l->where.file ? l->where.file : "(none)", w->file, "%s", k->fixture);
			cr_expect_eq(l->where.line, w->line, "%s: line %u", k->fixture, l->where.line);
			cr_expect_eq(l->bytes, w->bytes, "%s: %zu bytes", k->fixture, l->bytes);
		}
		cr_expect_eq(r.truncated, 0, "%s", k->fixture);
		sanitizer_release(&r);
		buf_release(&b);
		free(path);
	}
}

/* Cut anywhere, the parser keeps what it read and says the text was cut. */
Test(sanitizer, truncated_and_garbage)
{
	struct buf b = BUF_INIT;
	struct sanitizer_report r;
	cr_assert_eq(read_file(&b, DATA "use_after_free.log"), 0);
	for (size_t cut = 0; cut < b.len; cut += 7) {
		sanitizer_parse(b.buf, cut, OWN("has_duplicates.c"), &r);
		cr_assert_leq(r.nr_errors, 1);
		sanitizer_release(&r);
	}
	const char *garbage = "#0 in\n#1 0x in :\n==1==ERROR: AddressSanitizer: \nREAD of size\n: runtime error: \n";
	sanitizer_parse(garbage, strlen(garbage), OWN("x.c"), &r);
	sanitizer_release(&r);
	buf_release(&b);
}
