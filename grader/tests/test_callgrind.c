/* test_callgrind.c - callgrind_parse on a real combined stream, whole and
 * tampered with; channel_log_split; where a ladder stops on counts */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "complexity.h"
#include "util.h"
#include "valgrind/callgrind.h"
#include "valgrind/channel.h"

#define DATA "../testdata/callgrind/"
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof(*(a)))
#endif

static struct buf fixture(void)
{
	struct buf b = BUF_INIT;
	cr_assert_eq(read_file(&b, DATA "three_parts.out"), 0);
	return b;
}

/* The fixture's text from the line starting with from up to (not
 * including) the line starting with to (NULL: the end). */
static char *slice(const char *text, const char *from, const char *to)
{
	const char *a = strstr(text, from);
	cr_assert(a, "no '%s' in the fixture", from);
	const char *b = to ? strstr(a + 1, to) : a + strlen(a);
	cr_assert(b);
	return xstrndup(a, (size_t)(b - a));
}

enum edit { WHOLE, PREPEND, APPEND, CUT_IN_PART, CUT_IN_LINE, REPEAT_PART, FORGED_PART,
	    SECOND_HEADER, NO_TRIGGER, EMPTY, WRONG_NUMBER };

struct stream_case {
	const char *what;
	enum edit edit;
	int ret;          /* callgrind_parse's return */
	size_t parts;     /* when 0 */
	int truncated;
};

static const struct stream_case stream_cases[] = {
	{ "as written", WHOLE, 0, 3, 0 },
	{ "a line before the header", PREPEND, -1, 0, 0 },
	{ "a line after the last part", APPEND, -1, 0, 0 },
	{ "cut inside the last part", CUT_IN_PART, 0, 2, 1 },
	{ "cut inside a line", CUT_IN_LINE, 0, 2, 1 },
	{ "a part written twice", REPEAT_PART, -1, 0, 0 },
	{ "a whole forged part at the end", FORGED_PART, -1, 0, 0 },
	{ "a second file's header", SECOND_HEADER, -1, 0, 0 },
	{ "a part without its trigger", NO_TRIGGER, -1, 0, 0 },
	{ "nothing at all", EMPTY, 0, 0, 0 },
	{ "parts out of order", WRONG_NUMBER, -1, 0, 0 },
};

static char *edited(const char *text, enum edit e)
{
	struct buf b = BUF_INIT;
	char *s = NULL;
	switch (e) {
	case WHOLE:
		buf_adds(&b, text);
		break;
	case PREPEND:
		buf_adds(&b, "FORGED\n");
		buf_adds(&b, text);
		break;
	case APPEND:
		buf_adds(&b, text);
		buf_adds(&b, "summary: 1\n");
		break;
	case CUT_IN_PART:
		buf_add(&b, text, (size_t)(strstr(text, "totals: 1265") - text));
		break;
	case CUT_IN_LINE:
		buf_add(&b, text, (size_t)(strstr(text, "totals: 1265") - text) + 8);
		break;
	case REPEAT_PART:
		s = slice(text, "part: 2", "part: 3");
		buf_add(&b, text, (size_t)(strstr(text, "part: 3") - text));
		buf_adds(&b, s);
		buf_adds(&b, strstr(text, "part: 3"));
		break;
	case FORGED_PART:
		buf_adds(&b, text);
		buf_adds(&b, "\npart: 4\n\ndesc: Timerange: Basic block 0 - 10\ndesc: Trigger: Client Request: n=4\n\n"
			     "positions: line\nevents: Ir\nsummary: 40\n\nfn=(1) f\n1 40\n\ntotals: 40\n");
		break;
	case SECOND_HEADER:
		buf_add(&b, text, (size_t)(strstr(text, "part: 2") - text));
		buf_adds(&b, "# callgrind format\nversion: 1\n");
		buf_adds(&b, strstr(text, "part: 2"));
		break;
	case NO_TRIGGER: {
		const char *t = strstr(text, "desc: Trigger: Client Request: n=2");
		buf_add(&b, text, (size_t)(t - text));
		buf_adds(&b, strchr(t, '\n') + 1);
		break;
	}
	case EMPTY:
		break;
	case WRONG_NUMBER: {
		const char *t = strstr(text, "part: 2");
		buf_add(&b, text, (size_t)(t - text));
		buf_adds(&b, "part: 5");
		buf_adds(&b, t + 7);
		break;
	}
	}
	free(s);
	return buf_detach(&b);
}

ParameterizedTestParameters(callgrind, streams)
{
	return cr_make_param_array(struct stream_case, stream_cases, ARRAY_SIZE(stream_cases));
}

ParameterizedTest(const struct stream_case *c, callgrind, streams)
{
	struct buf f = fixture();
	char *text = edited(f.buf, c->edit);
	struct callgrind_stream st = CALLGRIND_STREAM_INIT;
	char *err = NULL;
	int ret = callgrind_parse(text, strlen(text), &st, &err);

	cr_expect_eq(ret, c->ret, "%s: returned %d (%s)", c->what, ret, err ? err : "no error");
	if (c->ret)
		cr_expect(err && *err, "%s: no message", c->what);
	if (!c->ret) {
		cr_expect_eq(st.nr, c->parts, "%s: %zu parts", c->what, st.nr);
		cr_expect_eq(st.truncated, c->truncated, "%s: truncated %d", c->what, st.truncated);
	}
	free(err);
	free(text);
	callgrind_release(&st);
	buf_release(&f);
}

Test(callgrind, figures_of_each_part)
{
	struct buf f = fixture();
	struct callgrind_stream st = CALLGRIND_STREAM_INIT;
	cr_assert_eq(callgrind_parse(f.buf, f.len, &st, NULL), 0);
	cr_assert_eq(st.nr, 3);
	static const char *const triggers[] = { "Client Request: n=1", "Client Request: n=2", "Program termination" };
	static const double totals[] = { 6013, 12014, 1265 };
	static const unsigned long long ends[] = { 29716, 31719, 32031 };
	for (size_t i = 0; i < 3; i++) {
		cr_expect_eq(st.parts[i].number, i + 1);
		cr_expect_str_eq(st.parts[i].trigger, triggers[i]);
		cr_expect_eq(st.parts[i].total, totals[i]);
		cr_expect_eq(st.parts[i].bb_to, ends[i]);
	}
	callgrind_release(&st);
	buf_release(&f);
}

struct log_case {
	const char *what, *log;
	int ret;
	size_t nr;
	long first_pid;
	const char *first_text;
};

static const struct log_case log_cases[] = {
	{ "one process", "==7== Memcheck\n==7== ERROR SUMMARY: 0 errors\n", 0, 1, 7,
	  "==7== Memcheck\n==7== ERROR SUMMARY: 0 errors\n" },
	{ "two processes, interleaved by line, sorted by pid", "==9== a\n==8== b\n==9== c\n", 0, 2, 8, "==8== b\n" },
	{ "what the client asked valgrind to print", "==7== a\n**7** hello\n", 0, 1, 7, "==7== a\n**7** hello\n" },
	{ "a line that is not valgrind's", "==7== a\nforged\n", -1, 0, 0, NULL },
	{ "a prefix that does not close", "==7 a\n", -1, 0, 0, NULL },
	{ "mixed marks", "==7** a\n", -1, 0, 0, NULL },
	{ "a last line cut short", "==7== a\n==7== b", -1, 0, 0, NULL },
	{ "too many processes", "==1== a\n==2== a\n==3== a\n==4== a\n==5== a\n", -1, 0, 0, NULL },
	{ "nothing", "", 0, 0, 0, NULL },
};

Test(channels, split_by_pid)
{
	for (const struct log_case *c = log_cases; c < log_cases + ARRAY_SIZE(log_cases); c++) {
		struct channel_log *logs;
		size_t nr;
		char *err;
		int ret = channel_log_split(c->log, strlen(c->log), 4, &logs, &nr, &err);
		cr_expect_eq(ret, c->ret, "%s: returned %d (%s)", c->what, ret, err ? err : "");
		cr_expect_eq(nr, c->nr, "%s: %zu processes", c->what, nr);
		if (!ret && nr) {
			cr_expect_eq(logs[0].pid, c->first_pid, "%s", c->what);
			cr_expect_str_eq(logs[0].text.buf, c->first_text, "%s", c->what);
		}
		if (ret)
			cr_expect(err && *err, "%s: no message", c->what);
		channel_logs_free(logs, nr);
		free(err);
	}
}

Test(channels, drained_until_closed)
{
	struct channel ch = CHANNEL_INIT;
	cr_assert_eq(channel_open(&ch, CHANNEL_PIPE, 1, NULL, NULL), 0);
	cr_expect_gt(ch.number, (int)channel_nofile(), "the channel sits above the client's limit");
	cr_expect_eq(write(ch.wr, "part\n", 5), 5);
	cr_expect_eq(channel_finish(&ch), 0);
	cr_expect_eq(ch.data.len, 5);
	channel_release(&ch);
	channel_release(&ch);
}

struct ladder_case {
	const char *what;
	double counts[8];
	size_t k;
	double budget;
	size_t stop;
};

/* sizes 2048 .. 65536, doubling */
static const struct ladder_case ladder_cases[] = {
	{ "quadratic: stops before the size that would pass 3e8", { 10.5e6, 42e6, 168e6 }, 3, 3e8, 3 },
	{ "quadratic: two counts are not enough to stop", { 10.5e6, 42e6 }, 2, 3e8, 6 },
	{ "n log n: all sizes fit", { 0.63e6, 1.36e6, 2.98e6, 6.4e6, 13.8e6, 29.4e6 }, 6, 3e8, 6 },
	{ "a first size already over budget", { 4e8 }, 1, 3e8, 1 },
	{ "counts that shrink project no growth", { 9e7, 5e7, 4e7 }, 3, 3e8, 6 },
	{ "a small budget stops early", { 1e6, 4e6 }, 2, 1e7, 2 },
};

ParameterizedTestParameters(ladder, stops_on_counts)
{
	return cr_make_param_array(struct ladder_case, ladder_cases, ARRAY_SIZE(ladder_cases));
}

ParameterizedTest(const struct ladder_case *c, ladder, stops_on_counts)
{
	static const size_t sizes[] = { 2048, 4096, 8192, 16384, 32768, 65536 };
	size_t stop = complexity_ladder_stop(sizes, 6, c->counts, c->k, c->budget);
	cr_expect_eq(stop, c->stop, "%s: stopped at index %zu, expected %zu", c->what, stop, c->stop);
}

/* Per-line counts of the own files, from dumps written with
 * --compress-strings=no --compress-pos=no: a function's own lines, lines
 * inlined from an own header, not the cost of the calls it makes, and
 * nothing of files that are not the submission's. */
Test(callgrind, per_line_counts_of_own_files)
{
	static const char text[] =
		"# callgrind format\nversion: 1\ncreator: callgrind-3.19.0\npid: 7\ncmd:  ./bench\n"
		"part: 1\n"
		"desc: Timerange: Basic block 0 - 100\ndesc: Trigger: Client Request: n=10\n"
		"positions: line\nevents: Ir\nsummary: 1000\n\n"
		"ob=/tmp/x/bench\nfl=/tmp/x/bench_main.c\nfn=run_instr\n40 50\n"
		"cfi=/tmp/x/has_duplicates.c\ncfn=has_duplicates\ncalls=1 12\n41 900\n"
		"fl=/tmp/x/has_duplicates.c\nfn=has_duplicates\n12 300\n13 100\n12 200\n"
		"cob=/usr/lib/libc.so.6\ncfi=./stdlib/qsort.c\ncfn=qsort\ncalls=1 20\n14 250\n"
		"fi=/tmp/x/util.h\n3 40\nfe=/usr/include/x86_64-linux-gnu/bits/string_fortified.h\n29 7\n"
		"fn=helper\n20 3\n"
		"fl=./stdlib/qsort.c\nfn=qsort\n20 250\n"
		"totals: 1000\n";
	const char *const own[] = { "has_duplicates.c", "util.h", NULL };
	struct callgrind_stream st = CALLGRIND_STREAM_INIT;
	char *err = NULL;

	cr_assert_eq(callgrind_parse_lines(text, sizeof(text) - 1, own, &st, &err), 0, "%s", err ? err : "");
	cr_assert_eq(st.nr, 1);
	const struct callgrind_part *p = &st.parts[0];
	struct { const char *file; unsigned line; double cost; } want[] = {
		{ "has_duplicates.c", 12, 500 }, { "has_duplicates.c", 13, 100 }, { "util.h", 3, 40 },
		{ "has_duplicates.c", 20, 3 },
	};
	cr_assert_eq(p->nr_lines, ARRAY_SIZE(want), "%zu lines", p->nr_lines);
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		cr_expect_str_eq(p->lines[i].file, want[i].file, "line %zu", i);
		cr_expect_eq(p->lines[i].line, want[i].line, "line %zu", i);
		cr_expect_eq(p->lines[i].cost, want[i].cost, "line %zu: %g", i, p->lines[i].cost);
	}
	callgrind_release(&st);

	/* Without an own list, the same stream, no lines. */
	cr_assert_eq(callgrind_parse(text, sizeof(text) - 1, &st, NULL), 0);
	cr_expect_eq(st.parts[0].nr_lines, 0);
	callgrind_release(&st);
}
