/* massif.c - read valgrind massif output into peak heap figures */
#include "valgrind/massif.h"

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Part of the input; not NUL-terminated. */
struct span {
	const char *p;
	size_t n;
};

struct reader {
	const char *p, *end;
	unsigned lineno;
	struct span line;
};

enum tree_kind { TREE_EMPTY, TREE_DETAILED, TREE_PEAK };

struct snapshot {
	long long heap, extra, stacks;
	enum tree_kind tree;
	const char *tree_at;    /* where the tree's first line starts */
	unsigned tree_lineno;   /* the line before it */
};

struct site {
	char *file;
	unsigned line;
	char *fn;
	long long bytes;
};

struct sites {
	const char *const *own; /* the submission's files, by base name */
	struct site *v;
	size_t nr, alloc;
};

static int next_line(struct reader *r)
{
	if (r->p >= r->end)
		return 0;
	const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
	const char *e = nl ? nl : r->end;
	r->line.p = r->p;
	r->line.n = (size_t)(e - r->p);
	if (r->line.n && r->line.p[r->line.n - 1] == '\r')
		r->line.n--;
	r->p = nl ? nl + 1 : r->end;
	r->lineno++;
	return 1;
}

static int starts_with(struct span s, const char *prefix)
{
	size_t n = strlen(prefix);
	return s.n >= n && !memcmp(s.p, prefix, n);
}

static int span_is(struct span s, const char *text)
{
	return s.n == strlen(text) && !memcmp(s.p, text, s.n);
}

/* Reads the digits at s[*i..] into *v; 0, or -1 when there are none or
 * they overflow. */
static int parse_digits(struct span s, size_t *i, long long *v)
{
	size_t start = *i;
	long long x = 0;
	while (*i < s.n && s.p[*i] >= '0' && s.p[*i] <= '9') {
		int d = s.p[*i] - '0';
		if (x > (LLONG_MAX - d) / 10)
			return -1;
		x = x * 10 + d;
		(*i)++;
	}
	*v = x;
	return *i > start ? 0 : -1;
}

/* The line as a short printable excerpt, quoted. */
static void add_quoted(struct buf *b, struct span s)
{
	size_t n = s.n < 48 ? s.n : 48;
	buf_adds(b, "'");
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s.p[i];
		char ch = c >= 0x20 && c < 0x7f ? (char)c : '?';
		buf_add(b, &ch, 1);
	}
	buf_adds(b, n < s.n ? "...'" : "'");
}

static int fail(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(char **err, const char *fmt, ...)
{
	if (err && !*err) {
		struct buf b = BUF_INIT;
		va_list ap;
		va_start(ap, fmt);
		buf_vaddf(&b, fmt, ap);
		va_end(ap);
		*err = buf_detach(&b);
	}
	return -1;
}

static int fail_line(char **err, const struct reader *r, const char *expected)
{
	if (!err || *err)
		return -1;
	struct buf b = BUF_INIT;
	buf_addf(&b, "line %u: expected %s, found ", r->lineno, expected);
	add_quoted(&b, r->line);
	*err = buf_detach(&b);
	return -1;
}

static int fail_truncated(char **err, int snapshot)
{
	return fail(err, "truncated: the file ends inside snapshot %d", snapshot);
}

/* Reads the line "<key>N" of snapshot nr into *v. */
static int read_field(struct reader *r, int nr, const char *key, long long *v, char **err)
{
	if (!next_line(r))
		return fail_truncated(err, nr);
	size_t i = strlen(key);
	if (!starts_with(r->line, key) || parse_digits(r->line, &i, v) || i != r->line.n) {
		char expected[40];
		snprintf(expected, sizeof(expected), "'%sN'", key);
		return fail_line(err, r, expected);
	}
	return 0;
}

/* Splits "0x109D8D: fn (file.c:12)" into fn, file and line. Returns 1 when
 * the frame names a source line, 0 otherwise ("(in /lib/libc.so.6)", a
 * threshold entry, anything else). */
static int parse_frame(struct span s, struct span *fn, struct span *file, unsigned *line)
{
	size_t i = 2;
	if (!starts_with(s, "0x"))
		return 0;
	while (i < s.n && isxdigit((unsigned char)s.p[i]))
		i++;
	if (i == 2 || i >= s.n || s.p[i] != ':')
		return 0;
	for (i++; i < s.n && s.p[i] == ' '; i++)
		;
	if (s.n < i + 4 || s.p[s.n - 1] != ')')
		return 0;
	size_t open = s.n - 1;
	while (open > i && !(s.p[open] == '(' && s.p[open - 1] == ' '))
		open--;
	if (open <= i)
		return 0;
	fn->p = s.p + i;
	fn->n = open - 1 - i;
	struct span in = { s.p + open + 1, s.n - open - 2 };
	const char *colon = NULL;
	for (size_t k = in.n; k > 0; k--) {
		if (in.p[k - 1] == ':') {
			colon = in.p + k - 1;
			break;
		}
	}
	if (!colon || colon == in.p || starts_with(in, "in "))
		return 0;
	struct span digits = { colon + 1, (size_t)(in.p + in.n - colon - 1) };
	size_t k = 0;
	long long v;
	if (parse_digits(digits, &k, &v) || k != digits.n || v > UINT_MAX)
		return 0;
	file->p = in.p;
	file->n = (size_t)(colon - in.p);
	for (size_t j = file->n; j > 0; j--) {
		if (file->p[j - 1] == '/') {
			file->n -= j;
			file->p += j;
			break;
		}
	}
	*line = (unsigned)v;
	return 1;
}

static long long add_sat(long long a, long long b)
{
	return a > LLONG_MAX - b ? LLONG_MAX : a + b;
}

/* Counts bytes for line of the student's file; 1 when the frame is the
 * student's. */
static int count_site(struct sites *sites, struct span frame, long long bytes)
{
	struct span fn, file;
	unsigned line;
	if (!parse_frame(frame, &fn, &file, &line) || !name_listed(sites->own, file.p, file.n))
		return 0;
	for (size_t i = 0; i < sites->nr; i++) {
		if (sites->v[i].line == line && span_is(file, sites->v[i].file)) {
			sites->v[i].bytes = add_sat(sites->v[i].bytes, bytes);
			return 1;
		}
	}
	ALLOC_GROW(sites->v, sites->nr + 1, sites->alloc);
	struct site *s = &sites->v[sites->nr++];
	s->line = line;
	s->file = xstrndup(file.p, file.n);
	s->fn = xstrndup(fn.p, fn.n);
	s->bytes = bytes;
	return 1;
}

/* "<indent spaces>nK: BYTES rest" */
static int parse_node(struct span s, size_t indent, long long *kids, long long *bytes,
		      struct span *rest)
{
	size_t i = 0;
	while (i < s.n && s.p[i] == ' ')
		i++;
	if (i != indent || i >= s.n || s.p[i] != 'n')
		return -1;
	i++;
	if (parse_digits(s, &i, kids) || i + 1 >= s.n || s.p[i] != ':' || s.p[i + 1] != ' ')
		return -1;
	i += 2;
	if (parse_digits(s, &i, bytes))
		return -1;
	if (i < s.n && s.p[i] != ' ')
		return -1;
	if (i < s.n)
		i++;
	rest->p = s.p + i;
	rest->n = s.n - i;
	return 0;
}

/* Reads one heap tree, checking its shape from the child counts and the
 * indentation; with sites, also counts the student's lines in it. */
static int walk_tree(struct reader *r, int nr, struct sites *sites, char **err)
{
	struct level {
		long long need;   /* children still to read */
		int student;      /* this node or an ancestor is the student's */
	} *stack = NULL;
	size_t depth = 0, alloc = 0;
	long long kids, bytes;
	struct span rest;
	int ret = 0;

	if (!next_line(r))
		return fail_truncated(err, nr);
	if (parse_node(r->line, 0, &kids, &bytes, &rest))
		return fail_line(err, r, "a heap tree's root 'nK: BYTES ...'");
	ALLOC_GROW(stack, depth + 1, alloc);
	stack[depth++] = (struct level){ kids, 0 };
	while (depth) {
		if (!stack[depth - 1].need) {
			depth--;
			continue;
		}
		if (!next_line(r)) {
			ret = fail_truncated(err, nr);
			break;
		}
		if (parse_node(r->line, depth, &kids, &bytes, &rest)) {
			char expected[64];
			snprintf(expected, sizeof(expected), "a heap tree line indented by %zu", depth);
			ret = fail_line(err, r, expected);
			break;
		}
		stack[depth - 1].need--;
		int student = stack[depth - 1].student;
		if (sites && !student)
			student = count_site(sites, rest, bytes);
		if (kids) {
			ALLOC_GROW(stack, depth + 1, alloc);
			stack[depth++] = (struct level){ kids, student };
		}
	}
	free(stack);
	return ret;
}

static int read_snapshot(struct reader *r, int nr, struct snapshot *s, char **err)
{
	long long v;

	if (!span_is(r->line, "#-----------"))
		return fail_line(err, r, "'#-----------'");
	if (read_field(r, nr, "snapshot=", &v, err))
		return -1;
	if (v != nr)
		return fail(err, "line %u: snapshot %lld where snapshot %d was due",
			    r->lineno, v, nr);
	if (!next_line(r))
		return fail_truncated(err, nr);
	if (!span_is(r->line, "#-----------"))
		return fail_line(err, r, "'#-----------'");
	if (!next_line(r))
		return fail_truncated(err, nr);
	if (!starts_with(r->line, "time="))
		return fail_line(err, r, "'time=T'");
	if (read_field(r, nr, "mem_heap_B=", &s->heap, err) ||
	    read_field(r, nr, "mem_heap_extra_B=", &s->extra, err) ||
	    read_field(r, nr, "mem_stacks_B=", &s->stacks, err))
		return -1;
	if (!next_line(r))
		return fail_truncated(err, nr);
	if (span_is(r->line, "heap_tree=empty"))
		s->tree = TREE_EMPTY;
	else if (span_is(r->line, "heap_tree=detailed"))
		s->tree = TREE_DETAILED;
	else if (span_is(r->line, "heap_tree=peak"))
		s->tree = TREE_PEAK;
	else
		return fail_line(err, r, "'heap_tree=empty|detailed|peak'");
	s->tree_at = r->p;
	s->tree_lineno = r->lineno;
	return s->tree == TREE_EMPTY ? 0 : walk_tree(r, nr, NULL, err);
}

static void peak_clear(struct massif_peak *p)
{
	memset(p, 0, sizeof(*p));
	p->peak_snapshot = -1;
	p->site_snapshot = -1;
}

void massif_release(struct massif_peak *p)
{
	free(p->site.file);
	free(p->site_fn);
	peak_clear(p);
}

static int read_header(struct reader *r, char **err)
{
	static const char *const keys[] = { "desc:", "cmd:", "time_unit:" };

	for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++) {
		if (!next_line(r))
			return i ? fail(err, "truncated: the file ends in its header")
				 : fail(err, "empty file");
		if (!starts_with(r->line, keys[i])) {
			if (!i)
				return fail(err, "not a massif file: it does not start with 'desc:'");
			char expected[24];
			snprintf(expected, sizeof(expected), "'%s'", keys[i]);
			return fail_line(err, r, expected);
		}
	}
	return 0;
}

/* The snapshot with the most heap, the one massif marked as the peak on a
 * tie; with trees only, the first of the largest. */
static int largest(const struct snapshot *v, int nr, int need_tree)
{
	int best = -1;
	for (int i = 0; i < nr; i++) {
		if (need_tree && v[i].tree == TREE_EMPTY)
			continue;
		if (best < 0 || v[i].heap > v[best].heap ||
		    (v[i].heap == v[best].heap && v[i].tree == TREE_PEAK &&
		     v[best].tree != TREE_PEAK))
			best = i;
	}
	return best;
}

static void pick_site(struct massif_peak *out, struct sites *sites)
{
	struct site *best = NULL;
	for (size_t i = 0; i < sites->nr; i++) {
		struct site *s = &sites->v[i];
		if (s->bytes > 0 && (!best || s->bytes > best->bytes ||
				     (s->bytes == best->bytes && s->line < best->line)))
			best = s;
	}
	if (!best)
		return;
	out->site.file = best->file;
	best->file = NULL;
	out->site.line = best->line;
	out->site_fn = best->fn;
	out->site_bytes = best->bytes;
	best->fn = NULL;
}

int massif_parse(const char *text, size_t len, const char *const *own, struct massif_peak *out, char **err)
{
	struct reader r = { text, text + len, 0, { text, 0 } };
	struct snapshot *snaps = NULL;
	size_t alloc = 0;
	int nr = 0, ret = -1;
	struct sites sites = { own, NULL, 0, 0 };

	peak_clear(out);
	if (err)
		*err = NULL;
	if (read_header(&r, err))
		goto out;
	while (next_line(&r)) {
		if (!r.line.n)
			continue;
		if (nr == INT_MAX) {
			fail(err, "line %u: too many snapshots", r.lineno);
			goto out;
		}
		ALLOC_GROW(snaps, (size_t)nr + 1, alloc);
		if (read_snapshot(&r, nr, &snaps[nr], err))
			goto out;
		nr++;
	}
	if (!nr) {
		fail(err, "truncated: no snapshot after the header");
		goto out;
	}

	int peak = largest(snaps, nr, 0), tree = largest(snaps, nr, 1);
	out->nr_snapshots = nr;
	out->peak_snapshot = peak;
	out->heap_bytes = snaps[peak].heap;
	out->heap_extra_bytes = snaps[peak].extra;
	for (int i = 0; i < nr; i++)
		if (snaps[i].stacks > out->stack_bytes)
			out->stack_bytes = snaps[i].stacks;
	if (snaps[peak].tree != TREE_EMPTY)
		tree = peak;
	if (tree >= 0) {
		r.p = snaps[tree].tree_at;
		r.lineno = snaps[tree].tree_lineno;
		if (walk_tree(&r, tree, &sites, err))
			goto out;
		pick_site(out, &sites);
		if (out->site.file)
			out->site_snapshot = tree;
	}
	ret = 0;
out:
	if (ret)
		massif_release(out);
	for (size_t i = 0; i < sites.nr; i++) {
		free(sites.v[i].fn);
		free(sites.v[i].file);
	}
	free(sites.v);
	free(snaps);
	return ret;
}
