/* spec.c - load a topic's YAML spec into struct spec, checking every key */
#include "spec.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "expr.h"
#include "harness/protocol.h"
#include "util.h"

/* No spec nests deeper than 6 levels; refusing at 64, while reading events
 * and before anything is built, keeps "[[[[..." cheap and the tree walks
 * shallow. */
#define MAX_NESTING 64
#define MAX_FILE_SIZE (1 << 20) /* a spec is a few KiB */
/* The runner reads at most this many sizes: more would be cut silently. */
#define MAX_LADDER PROTOCOL_MAX_SIZES
#define MIN_SIZES 4     /* fewer cannot tell growth classes apart */
#define MAX_SUGGEST 64  /* longer keys get no "did you mean" */

enum node_kind { NODE_SCALAR, NODE_LIST, NODE_MAP };

/* The YAML as a tree that keeps where each node was written. */
struct node {
	enum node_kind kind;
	struct spec_pos pos;  /* for an empty value: its key's position */
	char *text;           /* scalars */
	int null;             /* a plain "", "~" or "null": no value at all */
	unsigned text_col;    /* nonzero when the scalar is on one line exactly
			       * as written: the column of text[0], so that a
			       * column inside the text maps to the file */
	struct node **items;  /* lists; maps: key, value, key, value, ... */
	size_t nr, alloc;
};

struct problem {
	struct spec_pos pos; /* line 0: about the file as a whole */
	size_t seq;
	char *msg;
};

struct loader {
	struct spec *spec;
	struct buf src;
	char *yaml_dir;     /* the folder holding the yaml */
	char *stem;         /* the file's base name without .yaml */
	char *wrong_dir;    /* <course root>/solutions/<topic>/wrong */
	int dir_ok;         /* spec->dir exists: look for files in it */
	struct problem *problems;
	size_t nr_problems, alloc_problems;
	char quoted[4][80]; /* quote()'s results, reused in turn */
	unsigned next_quote;
};

/* A map's value for one known key, with the key for positions and names. */
struct field {
	const struct node *key, *value;
};

static const char *const check_names[CHECK_COUNT] = {
	"build", "tests", "complexity", "memory",
};

const char *check_name(enum check c)
{
	return c >= 0 && c < CHECK_COUNT ? check_names[c] : "unknown";
}

static void problem(struct loader *l, struct spec_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void problem(struct loader *l, struct spec_pos pos, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	ALLOC_GROW(l->problems, l->nr_problems + 1, l->alloc_problems);
	l->problems[l->nr_problems].pos = pos;
	l->problems[l->nr_problems].seq = l->nr_problems;
	l->problems[l->nr_problems].msg = buf_detach(&b);
	l->nr_problems++;
}

static const struct spec_pos no_pos = { 0, 0 };
static const struct spec_pos first_pos = { 1, 1 };

/* s made fit for a one-line message: control characters as '?', cut short
 * (on a UTF-8 boundary) with "..." when long. Valid until quote() has been
 * called four more times. */
static const char *quote(struct loader *l, const char *s)
{
	char *out = l->quoted[l->next_quote++ % 4];
	size_t max = sizeof(l->quoted[0]) - 16, i;
	for (i = 0; s[i] && i < max; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	if (s[i]) {
		while (i && ((unsigned char)s[i] & 0xc0) == 0x80)
			i--;
		memcpy(out + i, "...", 3);
		i += 3;
	}
	out[i] = '\0';
	return out;
}

/* What a node is, for "got ...": 'abc', a list, a map or nothing. */
static const char *describe(struct loader *l, const struct node *v)
{
	if (v->kind == NODE_LIST)
		return "a list";
	if (v->kind == NODE_MAP)
		return "a map";
	if (v->null)
		return "nothing";
	const char *q = quote(l, v->text);
	char *out = l->quoted[l->next_quote++ % 4];
	snprintf(out, sizeof(l->quoted[0]), "'%s'", q);
	return out;
}

static size_t utf8_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* ---- reading: libyaml events into a tree of nodes ---- */

static struct node *new_node(enum node_kind kind, yaml_mark_t mark)
{
	struct node *n = xcalloc(1, sizeof(*n));
	n->kind = kind;
	n->pos.line = (unsigned)mark.line + 1;
	n->pos.column = (unsigned)mark.column + 1;
	return n;
}

static struct node *scalar_node(const yaml_event_t *ev)
{
	const char *value = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct node *n = new_node(NODE_SCALAR, ev->start_mark);
	n->text = xstrndup(value, len);
	int plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n->null = plain && (!len || !strcmp(n->text, "~") || !strcmp(n->text, "null") ||
			    !strcmp(n->text, "Null") || !strcmp(n->text, "NULL"));

	int quoted = ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
		     ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	size_t span = ev->end_mark.column - ev->start_mark.column;
	size_t chars = utf8_chars(value, len);
	/* Same line and same length means no escapes and no folding. */
	if (ev->start_mark.line == ev->end_mark.line && (plain || quoted) &&
	    !memchr(value, '\0', len) && span == chars + (quoted ? 2 : 0))
		n->text_col = (unsigned)ev->start_mark.column + 1 + (quoted ? 1 : 0);
	return n;
}

static void free_node(struct node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nr; i++)
		free_node(n->items[i]);
	free(n->items);
	free(n->text);
	free(n);
}

static void append(struct node *parent, struct node *child)
{
	ALLOC_GROW(parent->items, parent->nr + 1, parent->alloc);
	parent->items[parent->nr++] = child;
}

static struct spec_pos pos_of_mark(yaml_mark_t m)
{
	struct spec_pos p = { (unsigned)m.line + 1, (unsigned)m.column + 1 };
	return p;
}

/* The line and column (in characters) of a byte offset into the file. */
static struct spec_pos pos_of_offset(const struct loader *l, size_t offset)
{
	struct spec_pos p = { 1, 1 };
	for (size_t i = 0; i < offset && i < l->src.len; i++) {
		unsigned char c = (unsigned char)l->src.buf[i];
		if (c == '\n') {
			p.line++;
			p.column = 1;
		} else if ((c & 0xc0) != 0x80) {
			p.column++;
		}
	}
	return p;
}

/* The byte at a position, or -1 past the end. */
static int byte_at(const struct loader *l, struct spec_pos pos)
{
	size_t i = 0;
	for (unsigned line = 1; line < pos.line; line++) {
		const char *nl = memchr(l->src.buf + i, '\n', l->src.len - i);
		if (!nl)
			return -1;
		i = (size_t)(nl - l->src.buf) + 1;
	}
	for (unsigned col = 1; col < pos.column && i < l->src.len; col++) {
		i++;
		while (i < l->src.len && ((unsigned char)l->src.buf[i] & 0xc0) == 0x80)
			i++;
	}
	return i < l->src.len ? (unsigned char)l->src.buf[i] : -1;
}

static void yaml_problem(struct loader *l, const yaml_parser_t *p)
{
	const char *what = p->problem ? p->problem : "cannot parse the YAML";

	switch (p->error) {
	case YAML_MEMORY_ERROR:
		problem(l, no_pos, "out of memory while parsing the YAML");
		return;
	case YAML_READER_ERROR:
		if (p->problem_value >= 0)
			problem(l, pos_of_offset(l, p->problem_offset),
				"not a text file: %s (0x%02X)", what, (unsigned)p->problem_value);
		else
			problem(l, pos_of_offset(l, p->problem_offset), "not a text file: %s", what);
		return;
	default:
		break;
	}

	struct spec_pos at = pos_of_mark(p->problem_mark);
	struct spec_pos ctx = pos_of_mark(p->context_mark);
	struct spec_pos end = pos_of_offset(l, l->src.len);
	/* libyaml ends an unterminated last line with a newline of its own */
	if (at.line > end.line || (at.line == end.line && at.column > end.column))
		at = end;
	if (p->error == YAML_SCANNER_ERROR && p->context &&
	    !strcmp(p->context, "while scanning a quoted scalar") &&
	    (!strcmp(what, "found unexpected end of stream") ||
	     !strcmp(what, "found unexpected document indicator"))) {
		problem(l, ctx, "unclosed quote: the string that starts here never ends");
		return;
	}
	if (byte_at(l, at) == '\t') {
		problem(l, at, "tab character: YAML indents with spaces only (%s)", what);
		return;
	}
	if (p->context && (ctx.line != at.line || ctx.column != at.column))
		problem(l, at, "%s (%s at %u:%u)", what, p->context, ctx.line, ctx.column);
	else
		problem(l, at, "%s", what);
}

/* Parses the file into a tree: the first document only. Returns NULL when
 * the file holds no document, or after reporting a YAML error, an anchor,
 * an alias or nesting deeper than MAX_NESTING. */
static struct node *read_tree(struct loader *l)
{
	yaml_parser_t parser;
	struct node *stack[MAX_NESTING];
	struct node *root = NULL;
	size_t depth = 0;
	int documents = 0, done = 0, failed = 0;

	if (!yaml_parser_initialize(&parser)) {
		problem(l, no_pos, "out of memory while parsing the YAML");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)l->src.buf, l->src.len);
	while (!done && !failed) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			yaml_problem(l, &parser);
			failed = 1;
			break;
		}
		struct spec_pos at = pos_of_mark(ev.start_mark);
		const yaml_char_t *anchor = NULL;
		struct node *node = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1) {
				problem(l, at, "a second YAML document: a spec is one document");
				done = 1;
			}
			break;
		case YAML_ALIAS_EVENT:
			problem(l, at, "aliases ('*%s') are not supported in specs: write the value out",
				quote(l, (const char *)ev.data.alias.anchor));
			failed = 1;
			break;
		case YAML_SCALAR_EVENT:
			anchor = ev.data.scalar.anchor;
			node = scalar_node(&ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			anchor = ev.data.sequence_start.anchor;
			node = new_node(NODE_LIST, ev.start_mark);
			break;
		case YAML_MAPPING_START_EVENT:
			anchor = ev.data.mapping_start.anchor;
			node = new_node(NODE_MAP, ev.start_mark);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth)
				depth--;
			break;
		default:
			break;
		}
		if (anchor && !failed) {
			problem(l, at, "anchors ('&%s') are not supported in specs: write the value out",
				quote(l, (const char *)anchor));
			failed = 1;
		}
		if (node) {
			if (depth) {
				struct node *parent = stack[depth - 1];
				/* An empty value is best pointed at by its key. */
				if (parent->kind == NODE_MAP && parent->nr % 2 && node->null)
					node->pos = parent->items[parent->nr - 1]->pos;
				append(parent, node);
			} else if (!root) {
				root = node;
			} else {
				free_node(node);
				node = NULL;
			}
			if (node && node->kind != NODE_SCALAR && !failed) {
				if (depth == MAX_NESTING) {
					problem(l, at, "nested deeper than %d levels", MAX_NESTING);
					failed = 1;
				} else {
					stack[depth++] = node;
				}
			}
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (failed) {
		free_node(root);
		return NULL;
	}
	return root;
}

/* ---- checking: keys, types, values ---- */

/* Optimal string alignment distance, case-insensitive; both strings are at
 * most MAX_SUGGEST bytes. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t rows[3][MAX_SUGGEST + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
			size_t d = prev[j - 1] + (ca != cb);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
		}
		size_t *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

/* The name in names[0..count) closest to s, or NULL when none is close. */
static const char *closest(const char *s, const char *const *names, size_t count)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	if (strlen(s) > MAX_SUGGEST)
		return NULL;
	for (size_t i = 0; i < count; i++) {
		size_t d = edit_distance(s, names[i]);
		size_t limit = strlen(names[i]) <= 4 ? 1 : 2;
		if (d <= limit && d < best_d && d < strlen(s) + (d == 0)) {
			best = names[i];
			best_d = d;
		}
	}
	return best;
}

/* " (did you mean 'X'?)" or " (known: a, b, c)", for "unknown ..." messages. */
static char *hint(const char *s, const char *const *names, size_t count)
{
	const char *near = closest(s, names, count);
	if (near)
		return xasprintf(" (did you mean '%s'?)", near);
	struct buf b = BUF_INIT;
	buf_adds(&b, " (known: ");
	for (size_t i = 0; i < count; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", names[i]);
	buf_adds(&b, ")");
	return buf_detach(&b);
}

static size_t count_names(const char *const *names)
{
	size_t n = 0;
	while (names[n])
		n++;
	return n;
}

/* Sorts the keys of map into fields[], one per entry of the NULL-terminated
 * names[], and reports keys that are unknown, repeated or not scalars. */
static void match_keys(struct loader *l, const struct node *map,
		       const char *const *names, struct field *fields)
{
	size_t count = count_names(names);
	memset(fields, 0, count * sizeof(*fields));
	for (size_t i = 0; i + 1 < map->nr; i += 2) {
		const struct node *k = map->items[i], *v = map->items[i + 1];
		if (k->kind != NODE_SCALAR) {
			problem(l, k->pos, "expected a key name, got %s", describe(l, k));
			continue;
		}
		size_t j = 0;
		while (j < count && strcmp(k->text, names[j]))
			j++;
		if (j == count) {
			char *h = hint(k->text, names, count);
			problem(l, k->pos, "unknown key '%s'%s", quote(l, k->text), h);
			free(h);
		} else if (fields[j].key) {
			problem(l, k->pos, "duplicate key '%s' (first at %u:%u)", names[j],
				fields[j].key->pos.line, fields[j].key->pos.column);
		} else {
			fields[j].key = k;
			fields[j].value = v;
		}
	}
}

static int is_map(struct loader *l, const struct field *f)
{
	if (f->value->kind == NODE_MAP)
		return 1;
	problem(l, f->value->pos, "expected a map for '%s', got %s", f->key->text,
		describe(l, f->value));
	return 0;
}

static int is_list(struct loader *l, const struct field *f)
{
	if (f->value->kind == NODE_LIST)
		return 1;
	problem(l, f->value->pos, "expected a list for '%s', got %s", f->key->text,
		describe(l, f->value));
	return 0;
}

/* The text of v when it is a scalar with a value; else reports "expected
 * <what> for '<name>'" and returns NULL. */
static const char *text_of(struct loader *l, const char *name, const struct node *v,
			   const char *what)
{
	if (v->kind == NODE_SCALAR && !v->null)
		return v->text;
	problem(l, v->pos, "expected %s for '%s', got %s", what, name, describe(l, v));
	return NULL;
}

static int get_string(struct loader *l, const struct field *f, char **out)
{
	const char *s = text_of(l, f->key->text, f->value, "a string");
	if (!s)
		return -1;
	free(*out);
	*out = xstrdup(s);
	return 0;
}

/* A decimal number, as in 2, 0.5, 1e3: no hex, inf or nan. */
static int parse_number(const char *s, double *out)
{
	const char *p = s;
	int digits = 0;
	if (*p == '+' || *p == '-')
		p++;
	for (; isdigit((unsigned char)*p); p++)
		digits++;
	if (*p == '.')
		for (p++; isdigit((unsigned char)*p); p++)
			digits++;
	if (!digits)
		return -1;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p)
		return -1;
	*out = strtod(s, NULL);
	return isfinite(*out) ? 0 : -1;
}

/* A number above 0 (or at least 0 when zero_ok). */
static int get_number(struct loader *l, const char *name, const struct node *v,
		      int zero_ok, double *out)
{
	const char *what = zero_ok ? "a number of 0 or more" : "a number above 0";
	const char *s = text_of(l, name, v, what);
	double d;
	if (!s)
		return -1;
	if (parse_number(s, &d) || d < 0 || (!zero_ok && d == 0)) {
		problem(l, v->pos, "expected %s for '%s', got %s", what, name, describe(l, v));
		return -1;
	}
	*out = d;
	return 0;
}

/* A whole number above 0 (or at least 0 when zero_ok), no larger than max. */
static int get_integer(struct loader *l, const char *name, const struct node *v,
		       int zero_ok, uint64_t max, uint64_t *out)
{
	const char *what = zero_ok ? "a whole number of 0 or more" : "a whole number above 0";
	const char *s = text_of(l, name, v, what);
	if (!s)
		return -1;
	const char *p = s + (*s == '+');
	char *end;
	errno = 0;
	unsigned long long u = isdigit((unsigned char)*p) ? strtoull(p, &end, 10) : 0;
	if (!isdigit((unsigned char)*p) || *end || (!zero_ok && u == 0)) {
		problem(l, v->pos, "expected %s for '%s', got %s", what, name, describe(l, v));
		return -1;
	}
	if (errno == ERANGE || u > max) {
		problem(l, v->pos, "'%s' is too large: %s", name, describe(l, v));
		return -1;
	}
	*out = u;
	return 0;
}

/* A file name in a known folder: no folders of its own. */
static int get_file_name(struct loader *l, const struct field *f, char **out)
{
	const char *s = text_of(l, f->key->text, f->value, "a file name");
	if (!s)
		return -1;
	if (strchr(s, '/') || !strcmp(s, ".") || !strcmp(s, "..")) {
		problem(l, f->value->pos, "expected a file name for '%s', without folders, got %s",
			f->key->text, describe(l, f->value));
		return -1;
	}
	free(*out);
	*out = xstrdup(s);
	return 0;
}

static void get_strings(struct loader *l, const struct field *f, char ***out, size_t *nr)
{
	if (!is_list(l, f))
		return;
	*out = xcalloc(f->value->nr, sizeof(**out));
	for (size_t i = 0; i < f->value->nr; i++) {
		const char *s = text_of(l, f->key->text, f->value->items[i], "a string");
		if (s)
			(*out)[(*nr)++] = xstrdup(s);
	}
}

/* One of words[] (NULL-terminated): returns its index, or -1 after
 * reporting "unknown <what> 'x'". */
static int get_word(struct loader *l, const char *name, const struct node *v,
		    const char *what, const char *const *words)
{
	char *expected = xasprintf("a %s", what);
	const char *s = text_of(l, name, v, expected);
	free(expected);
	if (!s)
		return -1;
	size_t count = count_names(words);
	for (size_t i = 0; i < count; i++)
		if (!strcmp(s, words[i]))
			return (int)i;
	char *h = hint(s, words, count);
	problem(l, v->pos, "unknown %s '%s'%s", what, quote(l, s), h);
	free(h);
	return -1;
}

static int is_identifier(const char *s)
{
	if (!isalpha((unsigned char)*s) && *s != '_')
		return 0;
	for (s++; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

static int is_dir(const char *path)
{
	struct stat st;
	return !stat(path, &st) && S_ISDIR(st.st_mode);
}

/* Reports file missing from dir; note says why this file was wanted. */
static void need_file(struct loader *l, struct spec_pos pos, const char *dir,
		      const char *file, const char *note)
{
	char *path = path_join(dir, file);
	if (!file_exists(path))
		problem(l, pos, "file '%s' not found in %s/%s", quote(l, file), dir, note);
	free(path);
}

/* ---- the format ---- */

/* The keys of each map, NULL-terminated, in the order of the enum that
 * indexes them in the load_* function that reads the map. */
static const char *const top_keys[] = { "topic", "title", "exercises", NULL };
static const char *const exercise_keys[] = {
	"name", "points", "tests", "complexity", "memory", "cflags", "libs", "variants", NULL,
};
static const char *const points_keys[] = { "tests", "complexity", "memory", NULL };
static const char *const tests_keys[] = {
	"file", "timeout", "hidden", "private", "private_show", NULL,
};
static const char *const complexity_keys[] = {
	"bench", "claim", "meter", "sizes", "timeout", "seed", "budget_instructions", "families", NULL,
};
static const char *const ladder_keys[] = { "from", "to", "factor", "step", NULL };
static const char *const memory_keys[] = {
	"bench", "size", "heap", "stack", "leaks", "space", "sizes", "races", "tests", NULL,
};
static const char *const variant_keys[] = { "file", "fails", "may_fail", "because", NULL };

static const struct spec_keys known_keys[] = {
	{ "top", top_keys },
	{ "exercise", exercise_keys },
	{ "points", points_keys },
	{ "tests", tests_keys },
	{ "complexity", complexity_keys },
	{ "sizes", ladder_keys },
	{ "memory", memory_keys },
	{ "variant", variant_keys },
	{ NULL, NULL },
};

const struct spec_keys *spec_known_keys(void)
{
	return known_keys;
}

struct named {
	const char *s;
	struct spec_pos pos;
	size_t seq;
};

static int cmp_named(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int c = strcmp(x->s, y->s);
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Reports every repeat of a name after its first, in O(n log n). */
static void report_repeats(struct loader *l, struct named *v, size_t nr, const char *what)
{
	if (nr < 2)
		return;
	qsort(v, nr, sizeof(*v), cmp_named);
	for (size_t first = 0, i = 1; i < nr; i++) {
		if (strcmp(v[i].s, v[first].s)) {
			first = i;
			continue;
		}
		problem(l, v[i].pos, "duplicate %s '%s' (first at %u:%u)", what, quote(l, v[i].s),
			v[first].pos.line, v[first].pos.column);
	}
}

/* A budget expression: its problems point inside the scalar when it is
 * written on one line as is. */
static void get_budget(struct loader *l, const struct field *f, char **out)
{
	const char *s = text_of(l, f->key->text, f->value, "a budget expression");
	size_t col;
	char *msg;
	if (!s)
		return;
	if (!expr_check(s, &col, &msg)) {
		*out = xstrdup(s);
		return;
	}
	const struct node *v = f->value;
	if (v->text_col) {
		struct spec_pos at = { v->pos.line,
				       v->text_col + (unsigned)utf8_chars(s, col - 1) };
		problem(l, at, "bad '%s' budget: %s", f->key->text, msg);
	} else {
		problem(l, v->pos, "bad '%s' budget at column %zu of %s: %s", f->key->text, col,
			describe(l, v), msg);
	}
	free(msg);
}

static void load_ladder(struct loader *l, const struct field *f, struct spec_exercise *ex)
{
	enum { L_FROM, L_TO, L_FACTOR, L_STEP, L_NR };
	const char *const *keys = ladder_keys;
	struct field k[L_NR];
	uint64_t from = 0, to = 0, step = 0;
	double factor = 2;
	int bad = 0;

	match_keys(l, f->value, keys, k);
	for (int i = L_FROM; i <= L_TO; i++)
		if (!k[i].key) {
			problem(l, f->value->pos, "missing key '%s' in 'sizes'", keys[i]);
			bad = 1;
		}
	if (k[L_FROM].key)
		bad |= get_integer(l, "from", k[L_FROM].value, 0, SIZE_MAX, &from);
	if (k[L_TO].key)
		bad |= get_integer(l, "to", k[L_TO].value, 0, SIZE_MAX, &to);
	if (k[L_FACTOR].key && k[L_STEP].key) {
		problem(l, k[L_STEP].key->pos, "'factor' and 'step' cannot both be given: "
			"a ladder is geometric or arithmetic");
		return;
	}
	if (k[L_FACTOR].key) {
		if (get_number(l, "factor", k[L_FACTOR].value, 0, &factor)) {
			bad = 1;
		} else if (factor <= 1) {
			problem(l, k[L_FACTOR].value->pos, "expected a number above 1 for "
				"'factor', got %s", describe(l, k[L_FACTOR].value));
			bad = 1;
		}
	}
	if (k[L_STEP].key)
		bad |= get_integer(l, "step", k[L_STEP].value, 0, SIZE_MAX, &step);
	if (bad)
		return;
	if (to <= from) {
		problem(l, k[L_TO].value->pos, "'to' (%llu) must be larger than 'from' (%llu)",
			(unsigned long long)to, (unsigned long long)from);
		return;
	}

	double steps = step ? (double)(to - from) / (double)step
			    : log((double)to / (double)from) / log(factor);
	if (steps + 1 > MAX_LADDER) {
		problem(l, f->value->pos, "the ladder makes more than %d sizes", MAX_LADDER);
		return;
	}
	ex->sizes = xcalloc((size_t)steps + 2, sizeof(*ex->sizes));
	double x = (double)from;
	for (size_t i = 0; i <= (size_t)steps + 1; i++) {
		size_t size = step ? (size_t)(from + i * step) : (size_t)llround(x);
		x *= factor;
		if (size > to)
			break;
		if (!ex->nr_sizes || size > ex->sizes[ex->nr_sizes - 1])
			ex->sizes[ex->nr_sizes++] = size;
	}
	if (ex->nr_sizes < MIN_SIZES)
		problem(l, f->value->pos, "the ladder makes %zu sizes; at least %d are needed "
			"to tell growth classes apart", ex->nr_sizes, MIN_SIZES);
}

static void load_sizes(struct loader *l, const struct field *f, struct spec_exercise *ex)
{
	const struct node *v = f->value;
	if (v->kind == NODE_MAP) {
		load_ladder(l, f, ex);
		return;
	}
	if (v->kind != NODE_LIST) {
		problem(l, v->pos, "expected a list of sizes or a map {from, to, factor} for "
			"'sizes', got %s", describe(l, v));
		return;
	}
	ex->sizes = xcalloc(v->nr, sizeof(*ex->sizes));
	for (size_t i = 0; i < v->nr; i++) {
		uint64_t u;
		if (get_integer(l, "sizes", v->items[i], 0, SIZE_MAX, &u))
			continue;
		if (ex->nr_sizes && u <= ex->sizes[ex->nr_sizes - 1]) {
			problem(l, v->items[i]->pos, "'sizes' must be ascending: %llu after %zu",
				(unsigned long long)u, ex->sizes[ex->nr_sizes - 1]);
			continue;
		}
		ex->sizes[ex->nr_sizes++] = (size_t)u;
	}
	if (v->nr > MAX_LADDER)
		problem(l, v->pos, "'sizes' has %zu sizes; the runner takes at most %d",
			v->nr, MAX_LADDER);
	if (v->nr < MIN_SIZES)
		problem(l, v->pos, "'sizes' has %zu sizes; at least %d are needed "
			"to tell growth classes apart", v->nr, MIN_SIZES);
}

static void load_claim(struct loader *l, const struct node *v, struct spec_exercise *ex)
{
	const char *s = text_of(l, "claim", v, "a growth class");
	if (!s || !fit_class_parse(s, &ex->claim))
		return;
	struct buf known = BUF_INIT;
	for (int c = 0; c < FIT_NR_CLASSES; c++)
		buf_addf(&known, "%s%s", c ? ", " : "", fit_class_name((enum fit_class)c));
	problem(l, v->pos, "unknown class '%s'; known: %s", quote(l, s), known.buf);
	buf_release(&known);
}

/* The bench both checks run: the one written first, or the default. */
struct bench_choice {
	const struct node *given;   /* the value of the first 'bench', if any */
	const struct node *section; /* the key of the first section that runs it */
	const struct node *memory;  /* memory's own 'bench', if any */
};

/* A ladder must span enough for the claim and the next class up to grow
 * apart: over 1024..2048, n log n grows only 10% more than n, which no fit
 * can tell from a constant factor. */
#define MIN_SEPARATION 1.3

static void check_separation(struct loader *l, const struct node *at, const struct spec_exercise *ex)
{
	enum fit_class claim = ex->claim, next = (enum fit_class)(ex->claim + 1);
	double lo = (double)ex->sizes[0], hi = (double)ex->sizes[ex->nr_sizes - 1];

	if (next >= FIT_NR_CLASSES || next == FIT_EXP)
		return;
	double c0 = fit_eval(claim, 2, lo), c1 = fit_eval(claim, 2, hi);
	double n0 = fit_eval(next, 2, lo), n1 = fit_eval(next, 2, hi);
	if (c0 <= 0 || n0 <= 0)
		return;
	double separation = (n1 / n0) / (c1 / c0);
	if (separation < MIN_SEPARATION)
		problem(l, at->pos, "sizes %g..%g cannot tell the claim %s from %s: the latter grows only "
			"%.0f%% more over them (widen the ladder to at least %.0f%%)", lo, hi,
			fit_class_name(claim), fit_class_name(next), 100 * (separation - 1),
			100 * (MIN_SEPARATION - 1));
}

/* complexity.families: a few short names ("distinct", "strided"), each
 * told apart from the others and fit for a sentence ("on strided input"). */
static void load_families(struct loader *l, const struct field *f, struct spec_exercise *ex)
{
	get_strings(l, f, &ex->families, &ex->nr_families);
	if (!is_list(l, f))
		return;
	if (f->value->nr < 1 || f->value->nr > SPEC_MAX_FAMILIES)
		problem(l, f->value->pos, "'families' lists 1 to %d input shapes, not %zu", SPEC_MAX_FAMILIES,
			f->value->nr);
	for (size_t i = 0; i < ex->nr_families; i++) {
		const char *s = ex->families[i];
		size_t len = strlen(s), ok = len > 0 && len <= 32;
		for (size_t c = 0; ok && c < len; c++)
			ok = (s[c] >= 'a' && s[c] <= 'z') || (s[c] >= '0' && s[c] <= '9') || s[c] == '-' || s[c] == ' ';
		if (!ok)
			problem(l, f->value->items[i]->pos, "family '%s' is not a short name: 1 to 32 of a-z, 0-9, '-' and ' '",
				quote(l, s));
		for (size_t j = 0; j < i; j++)
			if (!strcmp(ex->families[j], s))
				problem(l, f->value->items[i]->pos, "family '%s' is listed twice", quote(l, s));
	}
}

static void load_complexity(struct loader *l, const struct field *f,
			    struct spec_exercise *ex, struct bench_choice *bench)
{
	enum { C_BENCH, C_CLAIM, C_METER, C_SIZES, C_TIMEOUT, C_SEED, C_BUDGET, C_FAMILIES, C_NR };
	const char *const *keys = complexity_keys;
	static const char *const meters[] = { "instructions", "time", NULL };
	struct field k[C_NR];

	ex->has_complexity = 1;
	bench->section = f->key;
	if (!is_map(l, f))
		return;
	match_keys(l, f->value, keys, k);
	if (k[C_BENCH].key && !get_file_name(l, &k[C_BENCH], &ex->bench_file))
		bench->given = k[C_BENCH].value;
	if (k[C_CLAIM].key)
		load_claim(l, k[C_CLAIM].value, ex);
	else
		problem(l, f->value->pos, "missing key 'claim' in 'complexity'");
	if (k[C_METER].key) {
		int m = get_word(l, "meter", k[C_METER].value, "meter", meters);
		if (m >= 0)
			ex->meter = m ? METER_TIME : METER_INSTRUCTIONS;
	}
	if (k[C_SIZES].key)
		load_sizes(l, &k[C_SIZES], ex);
	else
		problem(l, f->value->pos, "missing key 'sizes' in 'complexity'");
	if (k[C_CLAIM].key && k[C_SIZES].key && ex->nr_sizes >= 2)
		check_separation(l, k[C_SIZES].value, ex);
	if (k[C_TIMEOUT].key)
		get_number(l, "timeout", k[C_TIMEOUT].value, 0, &ex->complexity_timeout);
	if (k[C_SEED].key)
		get_integer(l, "seed", k[C_SEED].value, 1, UINT64_MAX, &ex->seed);
	if (k[C_BUDGET].key && !get_number(l, "budget_instructions", k[C_BUDGET].value, 0,
					   &ex->budget_instructions)) {
		if (ex->meter != METER_INSTRUCTIONS)
			problem(l, k[C_BUDGET].key->pos, "'budget_instructions' applies to the instructions meter only");
		else if (ex->budget_instructions < SPEC_BUDGET_MIN)
			problem(l, k[C_BUDGET].value->pos, "'budget_instructions' %g is too small to measure a ladder: at least %g",
				ex->budget_instructions, SPEC_BUDGET_MIN);
	}
	if (k[C_FAMILIES].key)
		load_families(l, &k[C_FAMILIES], ex);
}

static void load_memory(struct loader *l, const struct field *f,
			struct spec_exercise *ex, struct bench_choice *bench)
{
	enum { M_BENCH, M_SIZE, M_HEAP, M_STACK, M_LEAKS, M_SPACE, M_SIZES, M_RACES, M_TESTS, M_NR };
	const char *const *keys = memory_keys;
	static const char *const leaks[] = { "forbid", "allow", NULL };
	static const char *const races[] = { "allow", "forbid", NULL };
	static const char *const tests[] = { "none", "memcheck", NULL };
	struct field k[M_NR];

	ex->has_memory = 1;
	ex->memory_size = ex->nr_sizes ? ex->sizes[0] : 1024;
	/* The tests too, by default: an invalid read at n = 0 or a leak on an
	 * empty input is reached only by a test (tests: none opts out). */
	ex->memcheck_tests = 1;
	if (!bench->section)
		bench->section = f->key;
	if (!is_map(l, f))
		return;
	match_keys(l, f->value, keys, k);
	/* memory's own driver: settled against complexity's once both are read */
	if (k[M_BENCH].key && !get_file_name(l, &k[M_BENCH], &ex->memory_bench))
		bench->memory = k[M_BENCH].value;
	if (k[M_SPACE].key) {
		const char *c = text_of(l, "space", k[M_SPACE].value, "a growth class");
		if (c && fit_class_parse(c, &ex->space_claim))
			problem(l, k[M_SPACE].value->pos, "unknown class '%s' for 'space' (known: O(1), O(log n), "
				"O(sqrt n), O(n), O(n log n), O(n^2), O(n^3), O(2^n))", quote(l, c));
		else if (c)
			ex->has_space = 1;
	}
	if (k[M_SIZES].key) {
		/* the same forms as complexity's sizes, read through a scratch
		 * exercise so that complexity's ladder stays as it is */
		struct spec_exercise tmp;
		memset(&tmp, 0, sizeof(tmp));
		load_sizes(l, &k[M_SIZES], &tmp);
		ex->space_sizes = tmp.sizes;
		ex->nr_space_sizes = tmp.nr_sizes;
	}
	if (k[M_TESTS].key) {
		int a = get_word(l, "tests", k[M_TESTS].value, "tool for the tests", tests);
		if (a >= 0)
			ex->memcheck_tests = a;
	}
	if (k[M_RACES].key) {
		int a = get_word(l, "races", k[M_RACES].value, "race policy", races);
		if (a >= 0)
			ex->forbid_races = a;
	}
	if (k[M_SIZE].key) {
		uint64_t u;
		if (!get_integer(l, "size", k[M_SIZE].value, 0, SIZE_MAX, &u))
			ex->memory_size = (size_t)u;
	}
	if (k[M_HEAP].key)
		get_budget(l, &k[M_HEAP], &ex->heap_budget);
	if (k[M_STACK].key)
		get_budget(l, &k[M_STACK], &ex->stack_budget);
	if (k[M_LEAKS].key) {
		int a = get_word(l, "leaks", k[M_LEAKS].value, "leak policy", leaks);
		if (a >= 0)
			ex->allow_leaks = a;
	}
}

/* tests.private: a list of file names, each in the topic's folder (checked
 * once the exercise's other files are known), none repeated. */
static void load_private(struct loader *l, const struct field *f, struct spec_exercise *ex)
{
	if (!is_list(l, f))
		return;
	const struct node *list = f->value;
	ex->private_tests = xcalloc(list->nr ? list->nr : 1, sizeof(*ex->private_tests));
	ex->private_pos = xcalloc(list->nr ? list->nr : 1, sizeof(*ex->private_pos));
	struct named *v = xcalloc(list->nr ? list->nr : 1, sizeof(*v));
	for (size_t i = 0; i < list->nr; i++) {
		struct field item = { f->key, list->items[i] };
		char *name = NULL;
		if (get_file_name(l, &item, &name))
			continue;
		v[ex->nr_private_tests].s = name;
		v[ex->nr_private_tests].pos = list->items[i]->pos;
		v[ex->nr_private_tests].seq = ex->nr_private_tests;
		ex->private_pos[ex->nr_private_tests] = list->items[i]->pos;
		ex->private_tests[ex->nr_private_tests++] = name;
	}
	if (list->nr > SPEC_MAX_PRIVATE_TESTS)
		problem(l, list->pos, "'private' names %zu files; at most %d", list->nr,
			SPEC_MAX_PRIVATE_TESTS);
	if (!list->nr)
		problem(l, list->pos, "'private' is empty: leave it out, or name the test files "
			"only the course holds");
	report_repeats(l, v, ex->nr_private_tests, "private test file");
	free(v);
}

static void load_tests(struct loader *l, const struct field *f, struct spec_exercise *ex,
		       const struct node **file_node)
{
	enum { T_FILE, T_TIMEOUT, T_HIDDEN, T_PRIVATE, T_PRIVATE_SHOW, T_NR };
	static const char *const shows[] = { "results", "all", "count", NULL };
	const char *const *keys = tests_keys;
	struct field k[T_NR];

	if (!is_map(l, f))
		return;
	match_keys(l, f->value, keys, k);
	if (k[T_FILE].key && !get_file_name(l, &k[T_FILE], &ex->test_file))
		*file_node = k[T_FILE].value;
	if (k[T_TIMEOUT].key)
		get_number(l, "timeout", k[T_TIMEOUT].value, 0, &ex->test_timeout);
	if (k[T_HIDDEN].key) {
		get_strings(l, &k[T_HIDDEN], &ex->hidden, &ex->nr_hidden);
		if (ex->nr_hidden && k[T_HIDDEN].value->nr == ex->nr_hidden) {
			struct named *v = xcalloc(ex->nr_hidden, sizeof(*v));
			for (size_t i = 0; i < ex->nr_hidden; i++) {
				v[i].s = ex->hidden[i];
				v[i].pos = k[T_HIDDEN].value->items[i]->pos;
				v[i].seq = i;
			}
			report_repeats(l, v, ex->nr_hidden, "hidden test");
			free(v);
		}
	}
	if (k[T_PRIVATE].key)
		load_private(l, &k[T_PRIVATE], ex);
	if (k[T_PRIVATE_SHOW].key) {
		int s = get_word(l, "private_show", k[T_PRIVATE_SHOW].value, "way to show private tests",
				 shows);
		if (s >= 0)
			ex->private_show = (enum private_show)s;
		if (!k[T_PRIVATE].key)
			problem(l, k[T_PRIVATE_SHOW].key->pos, "'private_show' without 'private': "
				"there are no private tests to show");
	}
}

/* Points as given; applied once the exercise's checks are known. */
struct points {
	double value[CHECK_COUNT];
	const struct node *given[CHECK_COUNT];
};

static void load_points(struct loader *l, const struct field *f, struct points *p)
{
	const char *const *keys = points_keys;
	struct field k[3];
	if (!is_map(l, f))
		return;
	match_keys(l, f->value, keys, k);
	for (int i = 0; i < 3; i++) {
		enum check c = (enum check)(CHECK_TESTS + i);
		if (k[i].key && !get_number(l, keys[i], k[i].value, 1, &p->value[c]))
			p->given[c] = k[i].value;
	}
}

static void apply_points(struct loader *l, const struct points *p, struct spec_exercise *ex)
{
	static const double defaults[CHECK_COUNT] = { 0, 6, 2, 2 };
	int has[CHECK_COUNT] = { 1, 1, ex->has_complexity, ex->has_memory };
	for (int c = CHECK_TESTS; c < CHECK_COUNT; c++) {
		if (!has[c]) {
			if (p->given[c] && p->value[c] > 0)
				problem(l, p->given[c]->pos, "points for '%s', but the exercise "
					"has no '%s' section", check_names[c], check_names[c]);
			ex->points[c] = 0;
		} else {
			ex->points[c] = p->given[c] ? p->value[c] : defaults[c];
		}
	}
	ex->points[CHECK_BUILD] = 0;
}

static void load_fails(struct loader *l, const struct node *v, struct spec_variant *var,
		       const struct spec_exercise *ex, unsigned *set)
{
	static const char *const checks[] = { "build", "tests", "complexity", "memory", NULL };
	const struct node *const *items = &v;
	size_t nr = 1;
	int has[CHECK_COUNT] = { 1, 1, ex->has_complexity, ex->has_memory };

	if (v->kind == NODE_LIST) {
		items = (const struct node *const *)v->items;
		nr = v->nr;
		if (!nr)
			problem(l, v->pos, "'fails' is empty: a wrong variant must fail some check");
	}
	for (size_t i = 0; i < nr; i++) {
		int c = get_word(l, "fails", items[i], "check", checks);
		if (c < 0)
			continue;
		if (!has[c])
			problem(l, items[i]->pos, "variant '%s' cannot fail '%s': the exercise has "
				"no '%s' section", var->file ? quote(l, var->file) : "",
				checks[c], checks[c]);
		*set |= 1u << c;
	}
}

static void load_variants(struct loader *l, const struct field *f, struct spec_exercise *ex)
{
	enum { V_FILE, V_FAILS, V_MAY_FAIL, V_BECAUSE, V_NR };
	const char *const *keys = variant_keys;

	if (!is_list(l, f))
		return;
	ex->variants = xcalloc(f->value->nr, sizeof(*ex->variants));
	for (size_t i = 0; i < f->value->nr; i++) {
		const struct node *v = f->value->items[i];
		struct field k[V_NR];
		if (v->kind != NODE_MAP) {
			problem(l, v->pos, "expected a map {file, fails} for each variant, got %s",
				describe(l, v));
			continue;
		}
		struct spec_variant *var = &ex->variants[ex->nr_variants++];
		var->pos = v->pos;
		match_keys(l, v, keys, k);
		if (!k[V_FILE].key)
			problem(l, v->pos, "missing key 'file' in variant");
		else if (!get_file_name(l, &k[V_FILE], &var->file))
			need_file(l, k[V_FILE].value->pos, l->wrong_dir, var->file, "");
		if (!k[V_FAILS].key)
			problem(l, v->pos, "missing key 'fails' in variant");
		else
			load_fails(l, k[V_FAILS].value, var, ex, &var->fails);
		if (k[V_MAY_FAIL].key)
			load_fails(l, k[V_MAY_FAIL].value, var, ex, &var->may_fail);
		if (k[V_BECAUSE].key)
			get_string(l, &k[V_BECAUSE], &var->because);
	}
}

/* "name()" when dir's name.h declares or defines a function called name
 * (an identifier followed by an opening parenthesis), or when the header
 * cannot be read; else "name": the exercise is a structure with functions
 * of other names. */
static char *subject_of(const char *dir, const char *name)
{
	struct buf text = BUF_INIT;
	char *path = dir ? xasprintf("%s/%s.h", dir, name) : NULL;
	int function = 1;
	if (path && !read_file(&text, path)) {
		size_t len = strlen(name);
		function = 0;
		for (const char *p = strstr(text.buf, name); p && !function; p = strstr(p + 1, name)) {
			const char *q = p + len;
			if (p > text.buf && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
				continue;
			while (*q == ' ' || *q == '\t' || *q == '\n')
				q++;
			function = *q == '(';
		}
	}
	buf_release(&text);
	free(path);
	return function ? xasprintf("%s()", name) : xstrdup(name);
}

static void load_exercise(struct loader *l, const struct node *map, size_t index,
			  struct spec_exercise *ex)
{
	enum { E_NAME, E_POINTS, E_TESTS, E_COMPLEXITY, E_MEMORY, E_CFLAGS, E_LIBS,
	       E_VARIANTS, E_NR };
	const char *const *keys = exercise_keys;
	struct field k[E_NR];
	struct points points = { { 0 }, { NULL } };
	struct bench_choice bench = { NULL, NULL, NULL };
	const struct node *test_node = NULL;
	int named = 0;

	ex->pos = map->pos;
	ex->test_timeout = 2;
	ex->seed = 1;
	ex->claim = FIT_NONE;
	ex->meter = METER_INSTRUCTIONS;
	ex->complexity_timeout = 20;
	ex->budget_instructions = SPEC_BUDGET_INSTRUCTIONS;

	match_keys(l, map, keys, k);
	if (!k[E_NAME].key) {
		problem(l, map->pos, "missing key 'name' in exercise %zu", index + 1);
	} else if (!get_string(l, &k[E_NAME], &ex->name)) {
		named = is_identifier(ex->name);
		if (!named)
			problem(l, k[E_NAME].value->pos, "expected a C identifier for 'name', got %s",
				describe(l, k[E_NAME].value));
	}

	if (k[E_POINTS].key)
		load_points(l, &k[E_POINTS], &points);
	if (k[E_TESTS].key)
		load_tests(l, &k[E_TESTS], ex, &test_node);
	if (k[E_COMPLEXITY].key)
		load_complexity(l, &k[E_COMPLEXITY], ex, &bench);
	if (k[E_MEMORY].key)
		load_memory(l, &k[E_MEMORY], ex, &bench);
	if (k[E_CFLAGS].key)
		get_strings(l, &k[E_CFLAGS], &ex->cflags, &ex->nr_cflags);
	if (k[E_LIBS].key)
		get_strings(l, &k[E_LIBS], &ex->libs, &ex->nr_libs);
	apply_points(l, &points, ex);

	if (named && !ex->test_file)
		ex->test_file = xasprintf("test_%s.c", ex->name);
	if (named && !ex->bench_file && bench.section)
		ex->bench_file = xasprintf("bench_%s.c", ex->name);

	if (l->dir_ok && named) {
		char *header = xasprintf("%s.h", ex->name);
		need_file(l, k[E_NAME].value->pos, l->spec->dir, header, "");
		free(header);
	}
	if (named)
		ex->subject = subject_of(l->dir_ok ? l->spec->dir : NULL, ex->name);
	if (l->dir_ok && ex->test_file) {
		if (test_node)
			need_file(l, test_node->pos, l->spec->dir, ex->test_file, "");
		else
			need_file(l, k[E_TESTS].key ? k[E_TESTS].key->pos : k[E_NAME].value->pos,
				  l->spec->dir, ex->test_file, " (the default: set 'tests: {file: ...}')");
	}
	if (bench.memory && ex->memory_bench) {
		if (!ex->has_complexity) {
			/* the one driver there is */
			free(ex->bench_file);
			ex->bench_file = ex->memory_bench;
			ex->memory_bench = NULL;
			bench.given = bench.memory;
		} else if (ex->bench_file && !strcmp(ex->bench_file, ex->memory_bench)) {
			free(ex->memory_bench);
			ex->memory_bench = NULL;
		} else if (l->dir_ok) {
			need_file(l, bench.memory->pos, l->spec->dir, ex->memory_bench, "");
		}
	}
	if (ex->has_space && !ex->nr_space_sizes && ex->nr_sizes) {
		ex->space_sizes = xcalloc(ex->nr_sizes, sizeof(*ex->space_sizes));
		memcpy(ex->space_sizes, ex->sizes, ex->nr_sizes * sizeof(*ex->sizes));
		ex->nr_space_sizes = ex->nr_sizes;
	}
	if (ex->has_space && ex->nr_space_sizes < 3)
		problem(l, k[E_MEMORY].key ? k[E_MEMORY].key->pos : k[E_NAME].value->pos,
			"'space' needs sizes to fit: give 'memory: {sizes: [...]}' or a complexity ladder");
	if (l->dir_ok && ex->bench_file) {
		if (bench.given)
			need_file(l, bench.given->pos, l->spec->dir, ex->bench_file, "");
		else
			need_file(l, bench.section->pos, l->spec->dir, ex->bench_file,
				  " (the default: set 'bench')");
	}

	for (size_t i = 0; l->dir_ok && i < ex->nr_private_tests; i++)
		need_file(l, ex->private_pos[i], l->spec->dir, ex->private_tests[i], "");

	if (k[E_VARIANTS].key)
		load_variants(l, &k[E_VARIANTS], ex);
}

/* What a public file of ex is, when name is one: a release must hold it. */
static const char *public_role(const struct spec_exercise *ex, const char *name)
{
	size_t len = ex->name ? strlen(ex->name) : 0;
	if (ex->test_file && !strcmp(name, ex->test_file))
		return "tests";
	if (ex->bench_file && !strcmp(name, ex->bench_file))
		return "benchmark driver";
	if (ex->memory_bench && !strcmp(name, ex->memory_bench))
		return "memory driver";
	if (len && !strncmp(name, ex->name, len) && !strcmp(name + len, ".h"))
		return "header";
	return NULL;
}

/* A private test file leaves the release: it cannot also be a file that
 * local grading needs (any exercise's tests, drivers or header). */
static void check_private_files(struct loader *l)
{
	const struct spec *spec = l->spec;
	for (size_t i = 0; i < spec->nr_exercises; i++) {
		const struct spec_exercise *ex = &spec->exercises[i];
		for (size_t j = 0; j < ex->nr_private_tests; j++) {
			for (size_t o = 0; o < spec->nr_exercises; o++) {
				const struct spec_exercise *other = &spec->exercises[o];
				const char *role = public_role(other, ex->private_tests[j]);
				if (!role)
					continue;
				problem(l, ex->private_pos[j], "private test file '%s' is also the %s "
					"of exercise '%s': students need that file to grade locally, "
					"so it cannot be private", quote(l, ex->private_tests[j]), role,
					other->name ? quote(l, other->name) : "");
				break;
			}
		}
	}
}

/* The stem of the file name (no folder, no .yaml) and the folders around it. */
static void find_folders(struct loader *l, const char *path)
{
	const char *base = base_name(path);
	size_t len = strlen(base);
	if (len > 5 && !strcmp(base + len - 5, ".yaml"))
		len -= 5;
	else if (len > 4 && !strcmp(base + len - 4, ".yml"))
		len -= 4;
	l->stem = xstrndup(base, len);

	size_t dir_len = (size_t)(base - path);
	while (dir_len > 1 && path[dir_len - 1] == '/')
		dir_len--;
	l->yaml_dir = dir_len ? xstrndup(path, dir_len) : xstrdup(".");

	/* The course root is the folder above the one holding the yaml. */
	char *root;
	const char *last = base_name(l->yaml_dir);
	if (!strcmp(l->yaml_dir, "/"))
		root = xstrdup("/");
	else if (!strcmp(last, ".") || !strcmp(last, ".."))
		root = path_join(l->yaml_dir, "..");
	else if (last == l->yaml_dir)
		root = xstrdup(".");
	else if (last == l->yaml_dir + 1)
		root = xstrdup("/");
	else
		root = xstrndup(l->yaml_dir, (size_t)(last - l->yaml_dir - 1));

	char *rel = xasprintf("solutions/%s/wrong", l->stem);
	l->wrong_dir = strcmp(root, ".") ? path_join(root, rel) : xstrdup(rel);
	free(rel);
	free(root);

	l->spec->dir = strcmp(l->yaml_dir, ".") ? path_join(l->yaml_dir, l->stem)
						 : xstrdup(l->stem);
}

static void load_spec(struct loader *l, const struct node *root)
{
	enum { S_TOPIC, S_TITLE, S_EXERCISES, S_NR };
	const char *const *keys = top_keys;
	struct spec *spec = l->spec;
	struct field k[S_NR];
	struct spec_pos topic_pos = first_pos;

	if (root->kind != NODE_MAP) {
		if (root->kind == NODE_SCALAR && root->null)
			problem(l, first_pos, "the spec is empty");
		else
			problem(l, root->pos, "expected a map of keys (topic, title, exercises) "
				"at the top level, got %s", describe(l, root));
		return;
	}
	match_keys(l, root, keys, k);

	if (!k[S_TOPIC].key) {
		problem(l, root->pos, "missing key 'topic' (it should be '%s')", quote(l, l->stem));
	} else if (!get_string(l, &k[S_TOPIC], &spec->topic)) {
		topic_pos = k[S_TOPIC].value->pos;
		if (strcmp(spec->topic, l->stem))
			problem(l, topic_pos, "topic '%s' does not match the file name: expected '%s'",
				quote(l, spec->topic), quote(l, l->stem));
	}
	if (k[S_TITLE].key)
		get_string(l, &k[S_TITLE], &spec->title);
	if (!spec->title)
		spec->title = xstrdup(spec->topic ? spec->topic : l->stem);

	l->dir_ok = is_dir(spec->dir);
	if (!l->dir_ok)
		problem(l, topic_pos, "folder '%s/' not found: it holds the topic's headers, "
			"tests and benches", spec->dir);

	if (!k[S_EXERCISES].key) {
		problem(l, root->pos, "missing key 'exercises'");
		return;
	}
	if (!is_list(l, &k[S_EXERCISES]))
		return;
	const struct node *list = k[S_EXERCISES].value;
	if (!list->nr) {
		problem(l, list->pos, "'exercises' is empty");
		return;
	}

	spec->exercises = xcalloc(list->nr, sizeof(*spec->exercises));
	struct named *names = xcalloc(list->nr, sizeof(*names));
	size_t nr_names = 0;
	for (size_t i = 0; i < list->nr; i++) {
		const struct node *item = list->items[i];
		if (item->kind != NODE_MAP) {
			problem(l, item->pos, "expected a map for exercise %zu, got %s", i + 1,
				describe(l, item));
			continue;
		}
		struct spec_exercise *ex = &spec->exercises[spec->nr_exercises++];
		load_exercise(l, item, i, ex);
		if (ex->name) {
			names[nr_names].s = ex->name;
			names[nr_names].pos = ex->pos;
			names[nr_names].seq = nr_names;
			nr_names++;
		}
	}
	report_repeats(l, names, nr_names, "exercise");
	free(names);
	check_private_files(l);
}

static int cmp_problems(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.column != y->pos.column)
		return x->pos.column < y->pos.column ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int read_spec_file(struct loader *l, const char *path)
{
	struct stat st;
	if (stat(path, &st)) {
		problem(l, no_pos, "cannot read the spec: %s", strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		problem(l, no_pos, "not a regular file");
		return -1;
	}
	if (st.st_size > MAX_FILE_SIZE) {
		problem(l, no_pos, "too large for a spec (%lld bytes; at most %d)",
			(long long)st.st_size, MAX_FILE_SIZE);
		return -1;
	}
	if (read_file(&l->src, path)) {
		problem(l, no_pos, "cannot read the spec: %s", strerror(errno));
		return -1;
	}
	if (l->src.len > MAX_FILE_SIZE) {
		problem(l, no_pos, "too large for a spec (at most %d bytes)", MAX_FILE_SIZE);
		return -1;
	}
	return 0;
}

int spec_load(struct spec *spec, const char *path, FILE *err)
{
	struct spec empty = SPEC_INIT;
	struct loader l = { .spec = spec, .src = BUF_INIT };

	*spec = empty;
	spec->path = xstrdup(path);
	find_folders(&l, path);

	if (!read_spec_file(&l, path)) {
		struct node *root = read_tree(&l);
		if (root)
			load_spec(&l, root);
		else if (!l.nr_problems)
			problem(&l, first_pos, "the spec is empty");
		free_node(root);
	}

	if (l.nr_problems)
		qsort(l.problems, l.nr_problems, sizeof(*l.problems), cmp_problems);
	/* One write: err is often unbuffered, and a broken spec can have
	 * a problem per line. */
	struct buf out = BUF_INIT;
	for (size_t i = 0; i < l.nr_problems; i++) {
		struct problem *p = &l.problems[i];
		if (p->pos.line)
			buf_addf(&out, "%s:%u:%u: %s\n", path, p->pos.line, p->pos.column, p->msg);
		else
			buf_addf(&out, "%s: %s\n", path, p->msg);
		free(p->msg);
	}
	if (err && out.len) {
		fwrite(out.buf, 1, out.len, err);
		fflush(err);
	}
	buf_release(&out);
	int count = l.nr_problems > INT_MAX ? INT_MAX : (int)l.nr_problems;
	free(l.problems);
	buf_release(&l.src);
	free(l.stem);
	free(l.yaml_dir);
	free(l.wrong_dir);
	return count;
}

static void free_strings(char **v, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		free(v[i]);
	free(v);
}

void spec_release(struct spec *spec)
{
	for (size_t i = 0; i < spec->nr_exercises; i++) {
		struct spec_exercise *ex = &spec->exercises[i];
		free(ex->name);
		free(ex->subject);
		free(ex->test_file);
		free_strings(ex->hidden, ex->nr_hidden);
		free_strings(ex->private_tests, ex->nr_private_tests);
		free(ex->private_pos);
		free(ex->bench_file);
		free(ex->memory_bench);
		free(ex->sizes);
		free(ex->space_sizes);
		free(ex->heap_budget);
		free(ex->stack_budget);
		free_strings(ex->cflags, ex->nr_cflags);
		free_strings(ex->libs, ex->nr_libs);
		free_strings(ex->families, ex->nr_families);
		for (size_t j = 0; j < ex->nr_variants; j++) {
			free(ex->variants[j].file);
			free(ex->variants[j].because);
		}
		free(ex->variants);
	}
	free(spec->exercises);
	free(spec->path);
	free(spec->dir);
	free(spec->topic);
	free(spec->title);
	struct spec empty = SPEC_INIT;
	*spec = empty;
}

const struct spec_exercise *spec_exercise(const struct spec *spec, const char *name)
{
	for (size_t i = 0; i < spec->nr_exercises; i++)
		if (spec->exercises[i].name && !strcmp(spec->exercises[i].name, name))
			return &spec->exercises[i];
	return NULL;
}
