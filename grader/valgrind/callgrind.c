/* callgrind.c - read callgrind's combined dumps as append-only evidence */
#include "valgrind/callgrind.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum state { START, HEADER, PART, BETWEEN };

/* Lines only a file's header has: inside a part they mean a second
 * process's file, or somebody else's writing. */
static const char *const header_keys[] = { "# callgrind format", "version:", "creator:", "pid:", "cmd:", NULL };

static int starts(const char *line, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && !memcmp(line, prefix, k);
}

static int is_header_line(const char *line, size_t n)
{
	for (const char *const *k = header_keys; *k; k++)
		if (starts(line, n, *k))
			return 1;
	return 0;
}

static int fail(char **err, unsigned lineno, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char **err, unsigned lineno, const char *fmt, ...)
{
	if (err) {
		struct buf b = BUF_INIT;
		va_list ap;
		buf_addf(&b, "line %u: ", lineno);
		va_start(ap, fmt);
		buf_vaddf(&b, fmt, ap);
		va_end(ap);
		*err = buf_detach(&b);
	}
	return -1;
}

static int fail_part(char **err, struct callgrind_part *cur, unsigned lineno, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void free_lines(struct callgrind_part *p);

static int fail_part(char **err, struct callgrind_part *cur, unsigned lineno, const char *fmt, ...)
{
	free(cur->trigger);
	cur->trigger = NULL;
	free_lines(cur);
	if (err) {
		struct buf b = BUF_INIT;
		va_list ap;
		buf_addf(&b, "line %u: ", lineno);
		va_start(ap, fmt);
		buf_vaddf(&b, fmt, ap);
		va_end(ap);
		*err = buf_detach(&b);
	}
	return -1;
}

/* The number after prefix, with nothing but spaces after it. */
static int number_after(const char *line, size_t n, const char *prefix, double *v)
{
	char tmp[64];
	size_t k = strlen(prefix);
	if (n - k >= sizeof(tmp))
		return -1;
	memcpy(tmp, line + k, n - k);
	tmp[n - k] = '\0';
	char *end;
	*v = strtod(tmp, &end);
	if (end == tmp)
		return -1;
	while (*end == ' ')
		end++;
	return *end ? -1 : 0;
}

/* Where the cost lines of a part are: the file of the function (fl=) or
 * of the code inlined into it (fi=, fe=), and whether it is own. */
struct place {
	const char *const *own;
	int fn_own, own_now;
	const char *fn_file, *file;
	size_t fn_len, len;
	int skip_next;                    /* the line after calls= is the call's cost */
};

static void add_line_cost(struct callgrind_part *cur, const char *file, size_t len, unsigned line, double cost)
{
	for (size_t i = 0; i < cur->nr_lines; i++) {
		struct callgrind_line *l = &cur->lines[i];
		if (l->line == line && strlen(l->file) == len && !memcmp(l->file, file, len)) {
			l->cost += cost;
			return;
		}
	}
	ALLOC_GROW(cur->lines, cur->nr_lines + 1, cur->alloc_lines);
	cur->lines[cur->nr_lines].file = xstrndup(file, len);
	cur->lines[cur->nr_lines].line = line;
	cur->lines[cur->nr_lines++].cost = cost;
}

/* The base name of the n bytes at s. */
static const char *base_of(const char *s, size_t n, size_t *len)
{
	const char *b = s;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '/')
			b = s + i + 1;
	*len = n - (size_t)(b - s);
	return b;
}

/* One line of a part that is none of the lines callgrind_parse checks. */
static void read_cost_line(struct place *pl, struct callgrind_part *cur, const char *line, size_t n)
{
	if (starts(line, n, "fl=")) {
		pl->fn_file = base_of(line + 3, n - 3, &pl->fn_len);
		pl->fn_own = name_listed(pl->own, pl->fn_file, pl->fn_len);
		pl->file = pl->fn_file;
		pl->len = pl->fn_len;
		pl->own_now = pl->fn_own;
	} else if (starts(line, n, "fi=") || starts(line, n, "fe=")) {
		pl->file = base_of(line + 3, n - 3, &pl->len);
		pl->own_now = name_listed(pl->own, pl->file, pl->len);
	} else if (starts(line, n, "fn=")) {
		pl->file = pl->fn_file;
		pl->len = pl->fn_len;
		pl->own_now = pl->fn_own;
	} else if (starts(line, n, "calls=")) {
		pl->skip_next = 1;
	} else if (n && line[0] >= '0' && line[0] <= '9') {
		if (pl->skip_next) {
			pl->skip_next = 0;
			return;
		}
		if (!pl->own_now)
			return;
		char tmp[64];
		size_t k = n < sizeof(tmp) - 1 ? n : sizeof(tmp) - 1;
		memcpy(tmp, line, k);
		tmp[k] = '\0';
		unsigned at;
		double cost;
		if (sscanf(tmp, "%u %lf", &at, &cost) == 2 && cost > 0)
			add_line_cost(cur, pl->file, pl->len, at, cost);
	}
}

static void free_lines(struct callgrind_part *p)
{
	for (size_t i = 0; i < p->nr_lines; i++)
		free(p->lines[i].file);
	free(p->lines);
	p->lines = NULL;
	p->nr_lines = p->alloc_lines = 0;
}

int callgrind_parse(const char *text, size_t len, struct callgrind_stream *out, char **err)
{
	return callgrind_parse_lines(text, len, NULL, out, err);
}

int callgrind_parse_lines(const char *text, size_t len, const char *const *own, struct callgrind_stream *out,
			  char **err)
{
	struct place pl;
	enum state st = START;
	const char *p = text, *end = text + len;
	unsigned lineno = 0;
	struct callgrind_part cur;
	int have_trigger = 0, have_range = 0, have_summary = 0;
	double summary = 0;

	memset(&cur, 0, sizeof(cur));
	memset(&pl, 0, sizeof(pl));
	pl.own = own;
	out->truncated = 0;
	if (err)
		*err = NULL;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl) {
			/* A line cut short: the writer was stopped mid-dump. */
			if (st == START || st == BETWEEN)
				return fail(err, lineno + 1, "stray bytes at the end");
			out->truncated = 1;
			free(cur.trigger);
			free_lines(&cur);
			return 0;
		}
		const char *line = p;
		size_t n = (size_t)(nl - p);
		p = nl + 1;
		lineno++;

		switch (st) {
		case START:
			if (n != strlen(header_keys[0]) || !starts(line, n, header_keys[0]))
				return fail(err, lineno, "not a callgrind file");
			st = HEADER;
			break;
		case HEADER:
		case BETWEEN:
			if (!n)
				break;
			if (starts(line, n, "part: ")) {
				double k;
				if (number_after(line, n, "part: ", &k) || k != (double)(out->nr + 1))
					return fail(err, lineno, "part %.*s after part %zu", (int)(n > 20 ? 20 : n - 6),
						    line + 6, out->nr);
				memset(&cur, 0, sizeof(cur));
				memset(&pl, 0, sizeof(pl));
				pl.own = own;
				cur.number = (unsigned)k;
				have_trigger = have_range = have_summary = 0;
				st = PART;
			} else if (st == HEADER && is_header_line(line, n) && !starts(line, n, header_keys[0])) {
				break;
			} else {
				return fail(err, lineno, st == HEADER ? "unexpected line in the header"
								      : "a line between two parts");
			}
			break;
		case PART:
			if (is_header_line(line, n) || starts(line, n, "part:"))
				return fail_part(err, &cur, lineno, "part %u is interrupted", cur.number);
			if (starts(line, n, "desc: Trigger: ")) {
				if (have_trigger++)
					return fail_part(err, &cur, lineno, "part %u has two triggers", cur.number);
				cur.trigger = xstrndup(line + 15, n - 15);
			} else if (starts(line, n, "desc: Timerange: Basic block ")) {
				unsigned long long a, b;
				char tail;
				char tmp[80];
				size_t k = n - 29 < sizeof(tmp) - 1 ? n - 29 : sizeof(tmp) - 1;
				memcpy(tmp, line + 29, k);
				tmp[k] = '\0';
				if (have_range++ || sscanf(tmp, "%llu - %llu%c", &a, &b, &tail) != 2 || b < a)
					return fail_part(err, &cur, lineno, "part %u has a bad time range", cur.number);
				cur.bb_from = a;
				cur.bb_to = b;
			} else if (starts(line, n, "summary: ")) {
				if (have_summary++ || number_after(line, n, "summary: ", &summary))
					return fail_part(err, &cur, lineno, "part %u has a bad summary", cur.number);
			} else if (starts(line, n, "totals: ")) {
				if (number_after(line, n, "totals: ", &cur.total))
					return fail_part(err, &cur, lineno, "part %u has bad totals", cur.number);
				if (!have_trigger || !have_range || !have_summary) {
					return fail_part(err, &cur, lineno, "part %u is incomplete", cur.number);
				}
				unsigned long long from = out->nr ? out->parts[out->nr - 1].bb_to : 0;
				if (cur.bb_from != from) {
					return fail_part(err, &cur, lineno, "part %u starts at basic block %llu, not %llu",
						    cur.number, cur.bb_from, from);
				}
				ALLOC_GROW(out->parts, out->nr + 1, out->alloc);
				out->parts[out->nr++] = cur;
				memset(&cur, 0, sizeof(cur));
				st = BETWEEN;
			} else if (own) {
				read_cost_line(&pl, &cur, line, n);
			}
			break;
		}
	}
	if (st == PART || (st == HEADER && !out->nr))
		out->truncated = 1;
	free(cur.trigger);
	free_lines(&cur);
	return 0;
}

void callgrind_release(struct callgrind_stream *s)
{
	for (size_t i = 0; i < s->nr; i++) {
		free(s->parts[i].trigger);
		free_lines(&s->parts[i]);
	}
	free(s->parts);
	s->parts = NULL;
	s->nr = s->alloc = 0;
	s->truncated = 0;
}
