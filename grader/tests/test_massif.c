/* test_massif.c - massif_parse on real massif files and on broken ones */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>

#include "valgrind/massif.h"
#include "util.h"

/* The submission's files, as the parsers take them: one here. */
#define OWN(f) ((const char *const[]){ (f), NULL })

#define DATA "../testdata/massif/"
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof(*(a)))
#endif

static void load(struct buf *b, const char *name)
{
	char *path = xasprintf(DATA "%s", name);
	cr_assert_eq(read_file(b, path), 0, "cannot read %s", path);
	free(path);
}

struct peak_case {
	const char *fixture;
	long long heap, extra, stack;
	int peak, nr_snapshots;
	const char *site_file;  /* NULL: no site */
	unsigned site_line;
	const char *site_fn;
	long long site_bytes;
	int site_snapshot;
};

/* Figures read by hand from the fixtures; see testdata/massif/README. */
static const struct peak_case peak_cases[] = {
	/* the copy (line 18) and qsort's buffer (line 22) tie: the first line wins */
	{ "ref.out", 131072, 16, 0, 3, 6, "has_duplicates.c", 18, "has_duplicates", 65536, 3 },
	{ "hog.out", 2097152, 8, 0, 2, 4, "has_duplicates.c", 18, "has_duplicates", 2097152, 2 },
	{ "leak.out", 131072, 16, 0, 3, 5, "has_duplicates.c", 18, "has_duplicates", 65536, 3 },
	/* the malloc in the inlined helper, not its caller at line 33 */
	{ "sites.out", 49160, 96, 0, 23, 35, "has_duplicates.c", 13, "new_chunk", 36864, 23 },
	{ "sites_stacks.out", 26632, 64, 7512, 132, 143, "has_duplicates.c", 13, "new_chunk", 20480, 132 },
	/* snapshots 22 and 23 tie: 23 is the one massif marked as the peak */
	{ "threshold.out", 49160, 96, 0, 23, 35, "has_duplicates.c", 13, "new_chunk", 36864, 23 },
	/* no tree at the peak: the site comes from snapshot 19, the largest with one */
	{ "peak_not_detailed.out", 49160, 96, 0, 22, 35, "has_duplicates.c", 13, "new_chunk", 24576, 19 },
	{ "noalloc.out", 0, 0, 0, 0, 1, NULL, 0, NULL, 0, -1 },
};

static void check_peak(const struct peak_case *c, const char *student)
{
	struct buf b = BUF_INIT;
	struct massif_peak p;
	char *err = NULL;

	load(&b, c->fixture);
	int ret = massif_parse(b.buf, b.len, OWN(student), &p, &err);
	cr_assert_eq(ret, 0, "%s: %s", c->fixture, err ? err : "(no message)");
	cr_expect_null(err, "%s", c->fixture);
	cr_expect_eq(p.heap_bytes, c->heap, "%s: heap %lld", c->fixture, p.heap_bytes);
	cr_expect_eq(p.heap_extra_bytes, c->extra, "%s: extra %lld", c->fixture, p.heap_extra_bytes);
	cr_expect_eq(p.stack_bytes, c->stack, "%s: stack %lld", c->fixture, p.stack_bytes);
	cr_expect_eq(p.peak_snapshot, c->peak, "%s: peak %d", c->fixture, p.peak_snapshot);
	cr_expect_eq(p.nr_snapshots, c->nr_snapshots, "%s: %d snapshots", c->fixture, p.nr_snapshots);
	if (c->site_file) {
		cr_assert_not_null(p.site.file, "%s: no site", c->fixture);
		cr_expect_str_eq(p.site.file, c->site_file, "%s", c->fixture);
		cr_expect_eq(p.site.line, c->site_line, "%s: line %u", c->fixture, p.site.line);
		cr_expect_str_eq(p.site_fn, c->site_fn, "%s", c->fixture);
	} else {
		cr_expect_null(p.site.file, "%s: site %s", c->fixture, p.site.file);
		cr_expect_null(p.site_fn, "%s", c->fixture);
	}
	cr_expect_eq(p.site_bytes, c->site_bytes, "%s: site bytes %lld", c->fixture, p.site_bytes);
	cr_expect_eq(p.site_snapshot, c->site_snapshot, "%s: site snapshot %d",
		     c->fixture, p.site_snapshot);
	massif_release(&p);
	massif_release(&p);
	buf_release(&b);
}

ParameterizedTestParameters(massif, fixtures)
{
	static size_t idx[ARRAY_SIZE(peak_cases)];
	for (size_t i = 0; i < ARRAY_SIZE(idx); i++)
		idx[i] = i;
	return cr_make_param_array(size_t, idx, ARRAY_SIZE(idx));
}

ParameterizedTest(size_t *i, massif, fixtures)
{
	check_peak(&peak_cases[*i], "has_duplicates.c");
}

Test(massif, student_file_is_matched_by_base_name)
{
	check_peak(&peak_cases[0], "/home/student/submission/has_duplicates.c");
}

Test(massif, another_file_has_no_site)
{
	struct peak_case c = peak_cases[0];
	c.site_file = NULL;
	c.site_fn = NULL;
	c.site_line = 0;
	c.site_bytes = 0;
	c.site_snapshot = -1;
	check_peak(&c, "count_common.c");
}

#define HEAD "desc: --threshold=0.0\ncmd: ./bench --mode=once\ntime_unit: i\n"
#define SNAP(nr, heap, tree) \
	"#-----------\nsnapshot=" #nr "\n#-----------\ntime=10\nmem_heap_B=" #heap \
	"\nmem_heap_extra_B=8\nmem_stacks_B=0\nheap_tree=" tree "\n"
#define ROOT(kids, bytes) "n" #kids ": " #bytes " (heap allocation functions) malloc/new/new[], --alloc-fns, etc.\n"

struct text_case {
	const char *name;
	const char *text;
	unsigned site_line;     /* 0: no site */
	const char *site_fn;
	long long site_bytes;
};

/* Rules of attribution, on small hand-written files. */
static const struct text_case text_cases[] = {
	{ "a library frame first: qsort's buffer counts for the line calling qsort",
	  HEAD SNAP(0, 3000, "peak") ROOT(2, 3000)
	  " n1: 2000 0x4894DBC: qsort_r (msort.c:221)\n"
	  "  n1: 2000 0x109E14: has_duplicates (has_duplicates.c:22)\n"
	  "   n0: 2000 0x109D8D: bench_run (bench_has_duplicates.c:15)\n"
	  " n1: 1000 0x109DE7: has_duplicates (has_duplicates.c:18)\n"
	  "  n0: 1000 0x109D8D: bench_run (bench_has_duplicates.c:15)\n",
	  22, "has_duplicates", 2000 },
	{ "one line reached from two callers: the bytes add up",
	  HEAD SNAP(0, 3000, "peak") ROOT(2, 3000)
	  " n2: 1800 0x109E6A: grow (has_duplicates.c:9)\n"
	  "  n0: 1000 0x109E99: has_duplicates (has_duplicates.c:30)\n"
	  "  n0: 800 0x109E9F: has_duplicates (has_duplicates.c:31)\n"
	  " n1: 1200 0x109DD5: has_duplicates (has_duplicates.c:25)\n"
	  "  n0: 1200 0x109D7D: bench_run (bench_has_duplicates.c:15)\n",
	  9, "grow", 1800 },
	{ "recursion: only the frame nearest to the allocation counts",
	  HEAD SNAP(0, 1000, "peak") ROOT(1, 1000)
	  " n1: 1000 0x109E00: sort (has_duplicates.c:40)\n"
	  "  n1: 1000 0x109E10: sort (has_duplicates.c:44)\n"
	  "   n0: 1000 0x109E10: sort (has_duplicates.c:44)\n",
	  40, "sort", 1000 },
	{ "a path before the file name, and CRLF line ends",
	  "desc: x\r\ncmd: y\r\ntime_unit: i\r\n#-----------\r\nsnapshot=0\r\n#-----------\r\n"
	  "time=0\r\nmem_heap_B=64\r\nmem_heap_extra_B=8\r\nmem_stacks_B=0\r\nheap_tree=peak\r\n"
	  "n1: 64 (heap allocation functions) malloc/new/new[], --alloc-fns, etc.\r\n"
	  " n0: 64 0x1: has_duplicates (/home/s/has_duplicates.c:7)\r\n",
	  7, "has_duplicates", 64 },
	{ "threshold entries and frames without source are no site",
	  HEAD SNAP(0, 3000, "peak") ROOT(2, 3000)
	  " n0: 2000 in 3 places, all below massif's threshold (1.00%)\n"
	  " n0: 1000 0x4894DBC: ??? (in /usr/lib/x86_64-linux-gnu/libc.so.6)\n",
	  0, NULL, 0 },
	{ "a student frame with nothing left at the peak is no site",
	  HEAD SNAP(0, 0, "peak") ROOT(1, 0)
	  " n0: 0 0x109DE7: has_duplicates (has_duplicates.c:18)\n",
	  0, NULL, 0 },
	{ "a function name with parentheses and spaces",
	  HEAD SNAP(0, 16, "peak") ROOT(1, 16)
	  " n1: 16 0x4841F2F: operator new(unsigned long) (vg_replace_malloc.c:422)\n"
	  "  n0: 16 0x109DE7: has_duplicates (has_duplicates.c:18)\n",
	  18, "has_duplicates", 16 },
	{ "blank lines after the last snapshot are fine",
	  HEAD SNAP(0, 16, "detailed") ROOT(1, 16)
	  " n0: 16 0x109DE7: has_duplicates (has_duplicates.c:18)\n\n\n",
	  18, "has_duplicates", 16 },
};

ParameterizedTestParameters(massif, rules)
{
	static size_t idx[ARRAY_SIZE(text_cases)];
	for (size_t i = 0; i < ARRAY_SIZE(idx); i++)
		idx[i] = i;
	return cr_make_param_array(size_t, idx, ARRAY_SIZE(idx));
}

ParameterizedTest(size_t *i, massif, rules)
{
	const struct text_case *c = &text_cases[*i];
	struct massif_peak p;
	char *err = NULL;

	int ret = massif_parse(c->text, strlen(c->text), OWN("has_duplicates.c"), &p, &err);
	cr_assert_eq(ret, 0, "%s: %s", c->name, err ? err : "");
	if (c->site_line) {
		cr_assert_not_null(p.site.file, "%s", c->name);
		cr_expect_str_eq(p.site.file, "has_duplicates.c", "%s", c->name);
		cr_expect_eq(p.site.line, c->site_line, "%s: line %u", c->name, p.site.line);
		cr_expect_str_eq(p.site_fn, c->site_fn, "%s", c->name);
	} else {
		cr_expect_null(p.site.file, "%s: line %u", c->name, p.site.line);
	}
	cr_expect_eq(p.site_bytes, c->site_bytes, "%s: %lld bytes", c->name, p.site_bytes);
	massif_release(&p);
}

struct bad_case {
	const char *fixture;    /* or NULL and text */
	const char *text;
	const char *message;
};

static const struct bad_case bad_cases[] = {
	{ "garbage.out", NULL, "not a massif file: it does not start with 'desc:'" },
	{ "garbled.out", NULL,
	  "line 38: expected a heap tree line indented by 2, found "
	  "'  nx: 65536 0x109E14: has_duplicates (has_duplic...'" },
	{ "truncated.out", NULL, "truncated: the file ends inside snapshot 23" },
	{ NULL, "", "empty file" },
	{ NULL, "desc: x\ncmd: y\n", "truncated: the file ends in its header" },
	{ NULL, "desc: x\ntime_unit: i\n", "line 2: expected 'cmd:', found 'time_unit: i'" },
	{ NULL, HEAD, "truncated: no snapshot after the header" },
	{ NULL, HEAD "#-----------\nsnapshot=0\n#-----------\ntime=0\nmem_heap_B=",
	  "line 8: expected 'mem_heap_B=N', found 'mem_heap_B='" },
	{ NULL, HEAD "#-----------\nsnapshot=0\n#-----------\ntime=0\nmem_heap_B=12x\n",
	  "line 8: expected 'mem_heap_B=N', found 'mem_heap_B=12x'" },
	{ NULL, HEAD "#-----------\nsnapshot=0\n#-----------\ntime=0\n"
	  "mem_heap_B=99999999999999999999\n",
	  "line 8: expected 'mem_heap_B=N', found 'mem_heap_B=99999999999999999999'" },
	{ NULL, HEAD "#-----------\nsnapshot=3\n", "line 5: snapshot 3 where snapshot 0 was due" },
	{ NULL, HEAD "#-----------\nsnapshot=0\n#-----------\ntime=0\nmem_heap_B=1\n"
	  "mem_heap_extra_B=0\nmem_stacks_B=0\n",
	  "truncated: the file ends inside snapshot 0" },
	{ NULL, HEAD "#-----------\nsnapshot=0\n#-----------\ntime=0\nmem_heap_B=1\n"
	  "mem_heap_extra_B=0\nmem_stacks_B=0\nheap_tree=bushy\n",
	  "line 11: expected 'heap_tree=empty|detailed|peak', found 'heap_tree=bushy'" },
	{ NULL, HEAD SNAP(0, 1, "detailed"),
	  "truncated: the file ends inside snapshot 0" },
	{ NULL, HEAD SNAP(0, 1, "detailed") ROOT(2, 1) " n0: 1 0x1: f (has_duplicates.c:1)\n",
	  "truncated: the file ends inside snapshot 0" },
	{ NULL, HEAD SNAP(0, 1, "detailed") ROOT(1, 1) "n0: 1 0x1: f (has_duplicates.c:1)\n",
	  "line 13: expected a heap tree line indented by 1, found 'n0: 1 0x1: f (has_duplicates.c:1)'" },
	{ NULL, HEAD SNAP(0, 1, "detailed") ROOT(99999999999999999999, 1),
	  "line 12: expected a heap tree's root 'nK: BYTES ...', found "
	  "'n99999999999999999999: 1 (heap allocation functi...'" },
	{ NULL, HEAD SNAP(0, 1, "empty") "time=3\n", "line 12: expected '#-----------', found 'time=3'" },
};

ParameterizedTestParameters(massif, bad_input)
{
	static size_t idx[ARRAY_SIZE(bad_cases)];
	for (size_t i = 0; i < ARRAY_SIZE(idx); i++)
		idx[i] = i;
	return cr_make_param_array(size_t, idx, ARRAY_SIZE(idx));
}

ParameterizedTest(size_t *i, massif, bad_input)
{
	const struct bad_case *c = &bad_cases[*i];
	struct buf b = BUF_INIT;
	struct massif_peak p;
	char *err = NULL;

	if (c->fixture)
		load(&b, c->fixture);
	else
		buf_adds(&b, c->text);
	const char *name = c->fixture ? c->fixture : c->text;
	cr_assert_eq(massif_parse(b.buf, b.len, OWN("has_duplicates.c"), &p, &err), -1, "%s", name);
	cr_assert_not_null(err, "%s", name);
	cr_expect_str_eq(err, c->message, "%s", name);
	cr_expect_null(p.site.file);
	cr_expect_eq(p.peak_snapshot, -1);
	free(err);
	massif_release(&p);
	buf_release(&b);
}

Test(massif, err_may_be_null)
{
	struct massif_peak p;
	cr_expect_eq(massif_parse("x", 1, OWN("has_duplicates.c"), &p, NULL), -1);
}

Test(massif, a_nul_byte_is_garbage)
{
	static const char text[] = HEAD "#-----------\nsnapshot=0\n#---\0-------\n";
	struct massif_peak p;
	char *err = NULL;
	cr_expect_eq(massif_parse(text, sizeof(text) - 1, OWN("has_duplicates.c"), &p, &err), -1);
	cr_expect_str_eq(err, "line 6: expected '#-----------', found '#---?-------'");
	free(err);
}

/* Either a result and no message, or a message and nothing to free. */
static void parse_anything(const char *text, size_t len)
{
	struct massif_peak p;
	char *err = NULL;
	int ret = massif_parse(text, len, OWN("has_duplicates.c"), &p, &err);
	if (ret) {
		cr_assert_not_null(err);
		cr_assert_null(strchr(err, '\n'), "%s", err);
		cr_assert_null(p.site.file);
		free(err);
	} else {
		cr_assert_null(err);
		cr_assert_geq(p.peak_snapshot, 0);
		cr_assert_lt(p.peak_snapshot, p.nr_snapshots);
	}
	massif_release(&p);
}

Test(massif, every_prefix)
{
	struct buf b = BUF_INIT;
	load(&b, "ref.out");
	for (size_t len = 0; len <= b.len; len++) {
		/* a copy of just len bytes, so reading past it is caught */
		char *cut = xmalloc(len);
		memcpy(cut, b.buf, len);
		parse_anything(cut, len);
		free(cut);
	}
	buf_release(&b);
}

Test(massif, mutations)
{
	static const char alphabet[] = "n0123456789: \n=x(#-)";
	struct buf b = BUF_INIT;
	unsigned long long seed = 12345;

	load(&b, "sites.out");
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
