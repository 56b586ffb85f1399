/* cmd_release.c - "grader release": write the students' repository from the
 * course, without anything private, and prove that it holds nothing private
 *
 * A release holds what local grading needs and nothing more: exercises/
 * (the stubs and their READMEs), specs/ (each spec rewritten without its
 * variants and its private tests, each topic's folder without its private
 * test files), the grader's sources and harness, a Makefile and a README
 * for students, and the CI workflows (ci/release/, ci/github/, ci/gitlab/).
 * It never holds solutions/, the grader's own tests and fixtures, or any
 * file a spec names under tests.private.
 *
 * With --official it writes the tree official grading runs from instead:
 * the same, but with the private tests and the specs' private keys kept
 * (the variants still go: they live in solutions/).
 *
 * What is written is then checked as a student would get it, and the
 * release is removed if any check fails: every spec loads without a
 * problem from the release alone (so none names a file the release does
 * not hold), no spec of a student release names a private test, no file
 * has the bytes of a file of solutions/, and no file of a student release
 * names a private test file.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "cmd/cmd.h"
#include "exitcode.h"
#include "spec.h"
#include "util.h"

static const char usage[] =
	"usage: grader release --out DIR [--root DIR] [--ref REF] [--official]\n"
	"writes the students' repository made from the course at --root into DIR\n"
	"(which must not exist, or be empty): exercises, public tests, headers,\n"
	"drivers, the grader, a students' Makefile and README, the CI workflows;\n"
	"never solutions/, variants or private tests\n"
	"  --ref REF     the course's version, written to DIR/COURSE_REF\n"
	"  --official    the tree official grading runs from: private tests kept\n";

struct strlist {
	char **v;
	size_t nr, alloc;
};

static void strlist_add(struct strlist *l, char *s)
{
	ALLOC_GROW(l->v, l->nr + 1, l->alloc);
	l->v[l->nr++] = s;
}

static void strlist_release(struct strlist *l)
{
	for (size_t i = 0; i < l->nr; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->nr = l->alloc = 0;
}

static int strlist_has(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->nr; i++)
		if (!strcmp(l->v[i], s))
			return 1;
	return 0;
}

struct release {
	const char *root, *out;
	int official;
	struct strlist private_paths; /* course-relative: specs/<topic>/<file> */
	struct strlist private_names; /* their base names, to search for */
	struct strlist written;       /* every file written, absolute */
	int problems;
};

static void problem(struct release *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void problem(struct release *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("grader: release: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	r->problems++;
}

/* Copies course file rel (relative to the root) to the same place in the
 * release. Only regular files: a symbolic link could point anywhere,
 * solutions/ included. */
static void copy_rel(struct release *r, const char *rel)
{
	char *from = path_join(r->root, rel), *to = path_join(r->out, rel);
	char *dir = xstrndup(to, (size_t)(base_name(to) - to));
	struct stat st;

	if (lstat(from, &st))
		problem(r, "cannot read '%s': %s", rel, strerror(errno));
	else if (!S_ISREG(st.st_mode))
		problem(r, "'%s' is not a regular file (a link?): a release copies only files", rel);
	else if (mkdir_p(dir, 0755) || copy_file(from, to) ||
		 chmod(to, st.st_mode & 0111 ? 0755 : 0644))
		problem(r, "cannot write '%s': %s", to, strerror(errno));
	else
		strlist_add(&r->written, xstrdup(to));
	free(dir);
	free(from);
	free(to);
}

/* Writes a template of the course (ci/...) to rel in the release. */
static void copy_as(struct release *r, const char *template, const char *rel)
{
	char *from = path_join(r->root, template), *to = path_join(r->out, rel);
	char *dir = xstrndup(to, (size_t)(base_name(to) - to));
	if (mkdir_p(dir, 0755) || copy_file(from, to))
		problem(r, "cannot write '%s' from '%s': %s", to, template, strerror(errno));
	else
		strlist_add(&r->written, xstrdup(to));
	free(dir);
	free(from);
	free(to);
}

static int is_dir(const char *path)
{
	struct stat st;
	return !lstat(path, &st) && S_ISDIR(st.st_mode);
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !strcmp(s + a - b, suffix);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of the course folder rel, sorted, without . and ... */
static void list_dir(struct release *r, const char *rel, struct strlist *out)
{
	char *dir = path_join(r->root, rel);
	DIR *d = opendir(dir);
	struct dirent *e;
	if (!d) {
		problem(r, "cannot read '%s': %s", rel, strerror(errno));
		free(dir);
		return;
	}
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			strlist_add(out, xstrdup(e->d_name));
	closedir(d);
	free(dir);
	if (out->nr)
		qsort(out->v, out->nr, sizeof(*out->v), cmp_str);
}

/* Copies the course folder rel and everything under it, but the private
 * test files; with suffixes, only the files whose names end so. */
static void copy_tree(struct release *r, const char *rel, const char *const *suffixes)
{
	struct strlist names = { 0 };
	list_dir(r, rel, &names);
	for (size_t i = 0; i < names.nr; i++) {
		char *sub = path_join(rel, names.v[i]);
		char *full = path_join(r->root, sub);
		if (is_dir(full)) {
			copy_tree(r, sub, suffixes);
		} else if (!r->official && strlist_has(&r->private_paths, sub)) {
			/* the point of a release */
		} else {
			int wanted = !suffixes;
			for (size_t k = 0; suffixes && suffixes[k]; k++)
				wanted |= has_suffix(names.v[i], suffixes[k]);
			if (wanted)
				copy_rel(r, sub);
		}
		free(full);
		free(sub);
	}
	strlist_release(&names);
}

/* ---- a spec without its variants (and private tests) ---- */

/* A span of whole lines to leave out, 1-based, inclusive. */
struct cut {
	size_t first, last;
};

struct rewriter {
	struct release *r;
	const char *path;        /* for messages */
	const struct buf *src;
	yaml_parser_t parser;
	int failed;
	struct cut cuts[256];
	size_t nr_cuts;
};

/* The next event into ev; 0, or -1 (reported) when the YAML is bad. */
static int next(struct rewriter *w, yaml_event_t *ev)
{
	if (yaml_parser_parse(&w->parser, ev))
		return 0;
	problem(w->r, "%s: cannot parse the YAML", w->path);
	w->failed = 1;
	return -1;
}

/* Where a node's text ends, as a line (1-based) and a column (0-based,
 * characters): block collections end where the next token starts, so the
 * end of their last scalar or flow collection is used. */
static void note_end(const yaml_event_t *ev, size_t *line, size_t *col)
{
	yaml_mark_t m = ev->end_mark;
	size_t l = m.line + 1, c = m.column;
	if (ev->type == YAML_SCALAR_EVENT && m.column == 0 && m.line > ev->start_mark.line) {
		l = m.line; /* a block scalar ends at the start of the next line */
		c = (size_t)-1;
	}
	if (l > *line || (l == *line && c > *col)) {
		*line = l;
		*col = c;
	}
}

/* Consumes the node whose first event is ev (already read), noting where
 * its text ends. Takes ownership of ev. */
static void skip_node(struct rewriter *w, yaml_event_t *ev, size_t *line, size_t *col)
{
	int depth = 0;
	for (;;) {
		yaml_event_type_t t = ev->type;
		/* a flow collection's end is its bracket; a block one's is empty */
		int flow_end = (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT) &&
			       ev->end_mark.index > ev->start_mark.index;
		if (t == YAML_SCALAR_EVENT || t == YAML_ALIAS_EVENT || flow_end)
			note_end(ev, line, col);
		if (t == YAML_SEQUENCE_START_EVENT || t == YAML_MAPPING_START_EVENT)
			depth++;
		else if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT)
			depth--;
		yaml_event_delete(ev);
		if (depth <= 0 || w->failed)
			return;
		if (next(w, ev))
			return;
	}
}

/* The bytes of line (1-based) of src, and its length. */
static const char *line_at(const struct buf *src, size_t line, size_t *len)
{
	const char *p = src->buf, *end = src->buf + src->len;
	for (size_t l = 1; l < line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	*len = (size_t)((nl ? nl : end) - p);
	return p;
}

/* Leaves out the key at key (its event) and its value, which must be
 * written in block style: the key first on its line, nothing but a
 * comment after the value. Consumes the value's events. */
static void cut_key(struct rewriter *w, const yaml_event_t *key, const char *what)
{
	size_t first = key->start_mark.line + 1, line = first, col = 0, len;
	const char *text = line_at(w->src, first, &len);
	yaml_event_t ev;
	int block = 1;

	for (size_t i = 0; i < key->start_mark.column; i++)
		block &= i < len && text[i] == ' ';
	if (next(w, &ev))
		return;
	skip_node(w, &ev, &line, &col);
	if (w->failed)
		return;
	if (col != (size_t)-1) {
		/* after the value: spaces, then nothing or a comment */
		text = line_at(w->src, line, &len);
		size_t i = 0, chars = 0;
		while (i < len && chars < col) {
			i++;
			while (i < len && ((unsigned char)text[i] & 0xc0) == 0x80)
				i++;
			chars++;
		}
		while (i < len && (text[i] == ' ' || text[i] == '\r'))
			i++;
		block &= i == len || text[i] == '#';
	}
	if (!block) {
		problem(w->r, "%s:%zu:%zu: write '%s' in block style, its key first on its line and "
			"nothing after its value, so that a release can leave it out", w->path, first,
			(size_t)key->start_mark.column + 1, what);
		w->failed = 1;
		return;
	}
	if (w->nr_cuts == sizeof(w->cuts) / sizeof(w->cuts[0])) {
		problem(w->r, "%s: too many keys to leave out", w->path);
		w->failed = 1;
		return;
	}
	w->cuts[w->nr_cuts].first = first;
	w->cuts[w->nr_cuts].last = line;
	w->nr_cuts++;
}

enum map_kind { MAP_OTHER, MAP_TOP, MAP_EXERCISE, MAP_TESTS };

static void walk_map(struct rewriter *w, enum map_kind kind);

/* The value after a key of a map of kind: walked into, cut or skipped. */
static void walk_value(struct rewriter *w, enum map_kind kind, const yaml_event_t *key)
{
	const char *k = (const char *)key->data.scalar.value;
	yaml_event_t ev;
	size_t line = 0, col = 0;

	if ((kind == MAP_EXERCISE && !strcmp(k, "variants")) ||
	    (kind == MAP_TESTS && !w->r->official && (!strcmp(k, "private") || !strcmp(k, "private_show")))) {
		cut_key(w, key, k);
		return;
	}
	if (next(w, &ev))
		return;
	if (kind == MAP_EXERCISE && !strcmp(k, "tests") && ev.type == YAML_MAPPING_START_EVENT) {
		yaml_event_delete(&ev);
		walk_map(w, MAP_TESTS);
	} else if (kind == MAP_TOP && !strcmp(k, "exercises") && ev.type == YAML_SEQUENCE_START_EVENT) {
		yaml_event_delete(&ev);
		while (!w->failed && !next(w, &ev)) {
			if (ev.type == YAML_SEQUENCE_END_EVENT) {
				yaml_event_delete(&ev);
				break;
			}
			if (ev.type == YAML_MAPPING_START_EVENT) {
				yaml_event_delete(&ev);
				walk_map(w, MAP_EXERCISE);
			} else {
				skip_node(w, &ev, &line, &col);
			}
		}
	} else {
		skip_node(w, &ev, &line, &col);
	}
}

/* Walks a map whose start event has been read, up to its end. */
static void walk_map(struct rewriter *w, enum map_kind kind)
{
	yaml_event_t key;
	size_t line = 0, col = 0;
	while (!w->failed && !next(w, &key)) {
		if (key.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&key);
			return;
		}
		if (key.type != YAML_SCALAR_EVENT) {
			skip_node(w, &key, &line, &col); /* a complex key: lint refused it already */
			yaml_event_t value;
			if (!w->failed && !next(w, &value))
				skip_node(w, &value, &line, &col);
			continue;
		}
		walk_value(w, kind, &key);
		yaml_event_delete(&key);
	}
}

/* The spec at src without the keys a release leaves out, in out; 0, or -1
 * (reported). */
static int rewrite_spec(struct release *r, const char *path, const struct buf *src, struct buf *out)
{
	struct rewriter w = { .r = r, .path = path, .src = src };
	yaml_event_t ev;

	if (!yaml_parser_initialize(&w.parser)) {
		problem(r, "%s: out of memory", path);
		return -1;
	}
	yaml_parser_set_input_string(&w.parser, (const unsigned char *)src->buf, src->len);
	while (!w.failed && !next(&w, &ev)) {
		yaml_event_type_t t = ev.type;
		yaml_event_delete(&ev);
		if (t == YAML_MAPPING_START_EVENT) {
			walk_map(&w, MAP_TOP);
			break;
		}
		if (t == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&w.parser);
	if (w.failed)
		return -1;

	size_t line = 1;
	for (const char *p = src->buf, *end = src->buf + src->len; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *next_line = nl ? nl + 1 : end;
		int keep = 1;
		for (size_t i = 0; i < w.nr_cuts; i++)
			keep &= line < w.cuts[i].first || line > w.cuts[i].last;
		if (keep)
			buf_add(out, p, (size_t)(next_line - p));
		p = next_line;
	}
	return 0;
}

/* ---- the course's parts ---- */

/* Loads every spec and notes its private files. Returns 0, or -1 when a
 * spec has problems (printed): a release is made from a course that lints. */
static int read_specs(struct release *r, struct strlist *specs)
{
	struct strlist names = { 0 };
	int bad = 0;
	list_dir(r, "specs", &names);
	for (size_t i = 0; i < names.nr; i++) {
		if (!has_suffix(names.v[i], ".yaml"))
			continue;
		char *rel = path_join("specs", names.v[i]);
		char *path = path_join(r->root, rel);
		struct spec spec = SPEC_INIT;
		if (spec_load(&spec, path, stderr)) {
			bad = 1;
		} else {
			for (size_t e = 0; e < spec.nr_exercises; e++)
				for (size_t p = 0; p < spec.exercises[e].nr_private_tests; p++) {
					const char *f = spec.exercises[e].private_tests[p];
					strlist_add(&r->private_paths, xasprintf("specs/%s/%s", spec.topic, f));
					strlist_add(&r->private_names, xstrdup(f));
				}
			strlist_add(specs, xstrdup(rel));
		}
		spec_release(&spec);
		free(path);
		free(rel);
	}
	strlist_release(&names);
	if (bad)
		problem(r, "the course's specs have problems (above): fix them first");
	return bad ? -1 : 0;
}

static void write_specs(struct release *r, const struct strlist *specs)
{
	char *top = path_join(r->out, "specs");
	if (mkdir_p(top, 0755))
		problem(r, "cannot create '%s': %s", top, strerror(errno));
	free(top);
	for (size_t i = 0; i < specs->nr; i++) {
		char *from = path_join(r->root, specs->v[i]), *to = path_join(r->out, specs->v[i]);
		struct buf src = BUF_INIT, out = BUF_INIT;
		if (read_file(&src, from))
			problem(r, "cannot read '%s': %s", from, strerror(errno));
		else if (!rewrite_spec(r, specs->v[i], &src, &out)) {
			if (write_file(to, out.buf, out.len))
				problem(r, "cannot write '%s': %s", to, strerror(errno));
			else
				strlist_add(&r->written, xstrdup(to));
		}
		/* the topic's folder: headers, public tests, drivers */
		char *dir = xstrndup(specs->v[i], strlen(specs->v[i]) - 5);
		char *full = path_join(r->root, dir);
		if (is_dir(full))
			copy_tree(r, dir, NULL);
		free(full);
		free(dir);
		buf_release(&src);
		buf_release(&out);
		free(from);
		free(to);
	}
}

static void write_grader(struct release *r)
{
	static const char *const sources[] = { ".c", ".h", NULL };
	static const char *const layers[] = { "grader/cmd", "grader/report", "grader/valgrind", NULL };
	struct strlist names = { 0 };

	/* grader/ itself: its sources and deps.sh, not its tests, fixtures,
	 * fitting corpus or fuzzers (they need solutions/) */
	list_dir(r, "grader", &names);
	for (size_t i = 0; i < names.nr; i++) {
		char *rel = path_join("grader", names.v[i]);
		char *full = path_join(r->root, rel);
		if (!is_dir(full) && (has_suffix(rel, ".c") || has_suffix(rel, ".h") ||
				      !strcmp(names.v[i], "deps.sh")))
			copy_rel(r, rel);
		free(full);
		free(rel);
	}
	strlist_release(&names);
	for (size_t i = 0; layers[i]; i++)
		copy_tree(r, layers[i], sources);
	copy_tree(r, "grader/harness", NULL);
}

/* ---- proving it ---- */

/* Every regular file under dir (absolute), recursively. */
static void find_files(const char *dir, struct strlist *out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *p = path_join(dir, e->d_name);
		struct stat st;
		if (!lstat(p, &st) && S_ISDIR(st.st_mode))
			find_files(p, out);
		else if (!lstat(p, &st) && S_ISREG(st.st_mode))
			strlist_add(out, p), p = NULL;
		free(p);
	}
	closedir(d);
}

static void verify(struct release *r, const struct strlist *specs)
{
	struct strlist solutions = { 0 }, all = { 0 };
	char *sol_dir = path_join(r->root, "solutions");

	/* every spec grades from the release alone */
	for (size_t i = 0; i < specs->nr; i++) {
		char *path = path_join(r->out, specs->v[i]);
		struct spec spec = SPEC_INIT;
		if (spec_load(&spec, path, stderr))
			problem(r, "'%s' in the release does not load (above)", specs->v[i]);
		for (size_t e = 0; !r->official && e < spec.nr_exercises; e++)
			if (spec.exercises[e].nr_private_tests)
				problem(r, "'%s' in the release still names private tests", specs->v[i]);
		spec_release(&spec);
		free(path);
	}

	/* no file is a copy of a reference or variant, none names a private
	 * test, whatever folder it landed in */
	find_files(sol_dir, &solutions);
	find_files(r->out, &all);
	struct buf *sol = xcalloc(solutions.nr ? solutions.nr : 1, sizeof(*sol));
	for (size_t s = 0; s < solutions.nr; s++)
		if (read_file(&sol[s], solutions.v[s]))
			problem(r, "cannot read '%s': %s", solutions.v[s], strerror(errno));
	for (size_t i = 0; i < all.nr; i++) {
		struct buf b = BUF_INIT;
		if (read_file(&b, all.v[i])) {
			problem(r, "cannot read back '%s': %s", all.v[i], strerror(errno));
			continue;
		}
		for (size_t s = 0; s < solutions.nr; s++)
			if (b.len && b.len == sol[s].len && !memcmp(b.buf, sol[s].buf, b.len))
				problem(r, "'%s' is a copy of '%s'", all.v[i], solutions.v[s]);
		for (size_t p = 0; !r->official && p < r->private_names.nr; p++)
			if (b.len && memmem(b.buf, b.len, r->private_names.v[p], strlen(r->private_names.v[p])))
				problem(r, "'%s' names the private test file '%s'", all.v[i],
					r->private_names.v[p]);
		buf_release(&b);
	}
	for (size_t s = 0; s < solutions.nr; s++)
		buf_release(&sol[s]);
	free(sol);
	strlist_release(&solutions);
	strlist_release(&all);
	free(sol_dir);
}

/* Refuses an output folder that holds something, or that lies inside a
 * part of the course the release copies (it would copy itself). */
static int check_out(const char *root, const char *out)
{
	DIR *d = opendir(out);
	if (d) {
		struct dirent *e;
		int empty = 1;
		while ((e = readdir(d)))
			empty &= !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
		closedir(d);
		if (!empty)
			return error("release: '%s' is not empty: give a new folder", out);
	} else if (errno != ENOENT) {
		return error("release: cannot use '%s': %s", out, strerror(errno));
	}
	if (mkdir_p(out, 0755))
		return error("release: cannot create '%s': %s", out, strerror(errno));
	char *a = abs_path(out), *b = abs_path(root);
	int inside = 0;
	static const char *const parts[] = { "exercises", "specs", "grader", "ci", NULL };
	for (size_t i = 0; a && b && parts[i]; i++) {
		char *part = path_join(b, parts[i]);
		size_t len = strlen(part);
		inside |= !strncmp(a, part, len) && (a[len] == '/' || !a[len]);
		free(part);
	}
	free(a);
	free(b);
	if (inside)
		return error("release: '%s' is inside the course's %s: give a folder elsewhere", out,
			     "exercises/, specs/, grader/ or ci/");
	return 0;
}

int cmd_release(int argc, char **argv)
{
	static const struct option options[] = {
		{ "out", required_argument, NULL, 'o' },
		{ "root", required_argument, NULL, 'r' },
		{ "ref", required_argument, NULL, 'f' },
		{ "official", no_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out = NULL, *root_arg = NULL, *ref = NULL;
	int official = 0, c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'r': root_arg = optarg; break;
		case 'f': ref = optarg; break;
		case 'O': official = 1; break;
		case 'h': fputs(usage, stdout); return EXIT_PASSED;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (!out || !*out || optind != argc) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}

	char *root = course_root(root_arg);
	struct release r = { .root = root, .out = out, .official = official };
	struct strlist specs = { 0 };
	int code = EXIT_PASSED;

	if (read_specs(&r, &specs)) {
		code = EXIT_USAGE;
		goto done;
	}
	if (check_out(root, out)) {
		code = EXIT_USAGE;
		goto done;
	}

	copy_tree(&r, "exercises", NULL);
	write_specs(&r, &specs);
	write_grader(&r);
	copy_as(&r, "ci/release/Makefile", "Makefile");
	copy_as(&r, "ci/release/README.md", "README.md");
	copy_as(&r, "ci/release/gitignore", ".gitignore");
	copy_as(&r, "ci/grade.sh", "ci/grade.sh");
	copy_as(&r, "ci/github/feedback.yml", ".github/workflows/feedback.yml");
	copy_as(&r, "ci/github/official.yml", ".github/workflows/official.yml");
	copy_as(&r, "ci/gitlab/.gitlab-ci.yml", ".gitlab-ci.yml");
	{
		char *path = path_join(out, "COURSE_REF");
		char *text = xasprintf("%s\n", ref && *ref ? ref : "unknown");
		if (write_file(path, text, strlen(text)))
			problem(&r, "cannot write '%s': %s", path, strerror(errno));
		free(text);
		free(path);
	}

	if (!r.problems)
		verify(&r, &specs);
	if (r.problems) {
		fprintf(stderr, "grader: release: %d problem%s: '%s' removed, nothing was released\n",
			r.problems, r.problems == 1 ? "" : "s", out);
		remove_tree(out);
		code = EXIT_FAILED;
	} else {
		printf("release: %zu files in %s (%s%s%s); no solution, no variant%s\n", r.written.nr, out,
		       official ? "for official grading" : "the students' repository",
		       ref && *ref ? ", course " : "", ref && *ref ? ref : "",
		       official ? "" : ", no private test");
	}
done:
	strlist_release(&specs);
	strlist_release(&r.private_paths);
	strlist_release(&r.private_names);
	strlist_release(&r.written);
	free(root);
	return code;
}
