/* cmd_new.c - grader new TOPIC EXERCISE: the skeleton of a new exercise
 *
 * Writes the course's header, tests and bench driver, the students' stub,
 * a reference solution and the spec entry: a working exercise (the sum of
 * an array) that lints, grades the reference at full marks and the stub
 * at 0, for the instructor to turn into the real one. Never overwrites a
 * file and never rewrites what a spec already holds: the entry is
 * appended, and taken back when the spec does not load with it.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "exitcode.h"
#include "spec.h"
#include "util.h"

#define MAX_NAME 64

static const char usage[] =
	"usage: grader new [--root DIR] TOPIC EXERCISE\n"
	"writes the skeleton of a new exercise: the spec entry, header, tests, bench driver,\n"
	"stub and reference solution; TOPIC is NN_name (a new topic) or an existing topic\n"
	"(03 or 03_time_complexity); EXERCISE is a C identifier\n";

/* What was made, to take back on failure: files, then folders. */
struct made {
	char **paths;
	int *is_dir;
	size_t nr, alloc, alloc_dir;
};

static void made_add(struct made *m, const char *path, int is_dir)
{
	ALLOC_GROW(m->paths, m->nr + 1, m->alloc);
	ALLOC_GROW(m->is_dir, m->nr + 1, m->alloc_dir);
	m->paths[m->nr] = xstrdup(path);
	m->is_dir[m->nr++] = is_dir;
}

/* Removes what was made, newest first (folders only when empty). */
static void made_undo(struct made *m)
{
	for (size_t i = m->nr; i-- > 0;) {
		if (m->is_dir[i])
			rmdir(m->paths[i]);
		else
			unlink(m->paths[i]);
	}
}

static void made_release(struct made *m)
{
	for (size_t i = 0; i < m->nr; i++)
		free(m->paths[i]);
	free(m->paths);
	free(m->is_dir);
}

static const char *const keywords[] = {
	"auto", "break", "case", "char", "const", "continue", "default", "do", "double",
	"else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long",
	"register", "restrict", "return", "short", "signed", "sizeof", "static", "struct",
	"switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Alignas",
	"_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn",
	"_Static_assert", "_Thread_local", "bool", "true", "false", "main", NULL,
};

/* NULL when name can be an exercise, else why not. */
static const char *bad_exercise_name(const char *name)
{
	if (!*name)
		return "it is empty";
	if (!isalpha((unsigned char)*name) && *name != '_')
		return "a C identifier starts with a letter or '_'";
	for (const char *p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			return "a C identifier has only letters, digits and '_'";
	if (strlen(name) > MAX_NAME)
		return "it is longer than 64 characters";
	for (size_t i = 0; keywords[i]; i++)
		if (!strcmp(name, keywords[i]))
			return "it is a C keyword or 'main'";
	return NULL;
}

/* NULL when topic is NN_name, else why not. */
static const char *bad_topic_name(const char *topic)
{
	const char *p = topic;
	while (isdigit((unsigned char)*p))
		p++;
	if (p == topic || *p != '_' || !p[1])
		return "a topic is NN_name: digits, '_', a name (e.g. 99_scratch)";
	for (p++; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-')
			return "a topic's name has only letters, digits, '_' and '-'";
	if (strlen(topic) > MAX_NAME)
		return "it is longer than 64 characters";
	return NULL;
}

/* Another spec numbered as topic ("03_x.yaml" for topic 03_y): --topic 03
 * could not tell them apart. Returns its file name (caller frees) or NULL. */
static char *same_number(const char *specs_dir, const char *topic)
{
	size_t digits = strspn(topic, "0123456789");
	DIR *d = opendir(specs_dir);
	char *found = NULL;
	struct dirent *e;

	if (!d)
		return NULL;
	while (!found && (e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 5 && !strcmp(e->d_name + l - 5, ".yaml") &&
		    !strncmp(e->d_name, topic, digits) && e->d_name[digits] == '_' &&
		    (l - 5 != strlen(topic) || strncmp(e->d_name, topic, l - 5)))
			found = xstrdup(e->d_name);
	}
	closedir(d);
	return found;
}

/* "99_cache_locality" -> "Cache locality". */
static char *title_of(const char *topic)
{
	char *t = xstrdup(strchr(topic, '_') + 1);
	for (char *p = t; *p; p++)
		if (*p == '_' || *p == '-')
			*p = ' ';
	t[0] = (char)toupper((unsigned char)t[0]);
	return t;
}

/* Creates path with text, refusing to replace a file. Returns 0, or -1
 * with a message printed. */
static int create_file(struct made *m, const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return error("cannot create %s: %s", path, strerror(errno));
	made_add(m, path, 0);
	size_t len = strlen(text), off = 0;
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = errno;
			close(fd);
			return error("cannot write %s: %s", path, strerror(e));
		}
		off += (size_t)w;
	}
	if (close(fd))
		return error("cannot write %s: %s", path, strerror(errno));
	return 0;
}

/* mkdir -p that remembers the folders it made. */
static int make_dirs(struct made *m, const char *path)
{
	char *p = xstrdup(path);
	int ret = 0;
	for (char *s = p + 1; ; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = '\0';
		if (!mkdir(p, 0755))
			made_add(m, p, 1);
		else if (errno != EEXIST)
			ret = error("cannot make the folder %s: %s", p, strerror(errno));
		*s = c;
		if (!c || ret)
			break;
	}
	free(p);
	return ret;
}

/* ---- the skeleton: the sum of an array, a real exercise in miniature ---- */

static char *header_text(const char *topic, const char *name)
{
	struct buf guard = BUF_INIT;
	for (const char *p = name; *p; p++)
		buf_addf(&guard, "%c", toupper((unsigned char)*p));
	char *s = xasprintf(
		"/* %s.h - topic %s: TODO say in one line what %s computes */\n"
		"#ifndef %s_H\n"
		"#define %s_H\n"
		"\n"
		"#include <stddef.h>\n"
		"\n"
		"/* TODO: the exercise's own signature and contract. As generated: the sum\n"
		" * of a[0..n), which is not modified. Target: O(n) time, no extra heap. */\n"
		"long %s(const int *a, size_t n);\n"
		"\n"
		"#endif\n",
		name, topic, name, guard.buf, guard.buf, name);
	buf_release(&guard);
	return s;
}

static char *tests_text(const char *name)
{
	return xasprintf(
		"/* test_%s.c - correctness of %s: TODO the real exercise's tests */\n"
		"#include <criterion/criterion.h>\n"
		"#include <limits.h>\n"
		"\n"
		"#include \"%s.h\"\n"
		"\n"
		"#include \"test_heap.h\"\n"
		"\n"
		"/* Calls %s, its heap held to the budget at n, the size of its input as\n"
		" * the benchmark driver counts it (test_heap.h). */\n"
		"static long call(const int *a, size_t n)\n"
		"{\n"
		"\theap_input(n);\n"
		"\tlong got = %s(a, n);\n"
		"\theap_input_done();\n"
		"\treturn got;\n"
		"}\n"
		"\n"
		"/* Every test checks an answer other than 0, so that the stub (which\n"
		" * returns 0) fails all of them and scores 0. */\n"
		"\n"
		"Test(%s, small_arrays)\n"
		"{\n"
		"\tint one[] = { 7 }, three[] = { 1, 2, 3 };\n"
		"\tlong got = call(NULL, 0);\n"
		"\tcr_assert_eq(got, 0, \"expected 0 for n = 0, got %%ld\", got);\n"
		"\tgot = call(one, 1);\n"
		"\tcr_assert_eq(got, 7, \"expected 7 for {7}, got %%ld\", got);\n"
		"\tgot = call(three, 3);\n"
		"\tcr_assert_eq(got, 6, \"expected 6 for {1, 2, 3}, got %%ld\", got);\n"
		"}\n"
		"\n"
		"Test(%s, negative_and_large_values)\n"
		"{\n"
		"\tint neg[] = { -5, 2, -6 }, big[] = { INT_MAX, INT_MAX, 2 };\n"
		"\tlong got = call(neg, 3);\n"
		"\tcr_assert_eq(got, -9, \"expected -9 for {-5, 2, -6}, got %%ld\", got);\n"
		"\tgot = call(big, 3);\n"
		"\tcr_assert_eq(got, 2L * INT_MAX + 2, \"expected %%ld for {INT_MAX, INT_MAX, 2} \"\n"
		"\t\t     \"(more than an int holds), got %%ld\", 2L * INT_MAX + 2, got);\n"
		"}\n",
		name, name, name, name, name, name, name);
}

static char *bench_text(const char *name)
{
	return xasprintf(
		"/* bench_%s.c - benchmark driver for %s (grader/harness/bench.h):\n"
		" * TODO make the input that is the worst case for the exercise */\n"
		"#include \"bench.h\"\n"
		"#include \"%s.h\"\n"
		"\n"
		"void *bench_setup(size_t n, struct bench_rng *rng)\n"
		"{\n"
		"\tint *a = bench_alloc((n ? n : 1) * sizeof(*a));\n"
		"\tfor (size_t i = 0; i < n; i++)\n"
		"\t\ta[i] = bench_rand_int(rng, -1000, 1000);\n"
		"\treturn a;\n"
		"}\n"
		"\n"
		"void bench_run(void *input, size_t n)\n"
		"{\n"
		"\tbench_sink((uint64_t)%s(input, n));\n"
		"}\n"
		"\n"
		"void bench_teardown(void *input, size_t n)\n"
		"{\n"
		"\t(void)n;\n"
		"\tbench_release(input);\n"
		"}\n",
		name, name, name, name);
}

static char *stub_text(const char *topic, const char *name)
{
	return xasprintf(
		"/* %s.c - your solution (topic %s): see %s.h */\n"
		"#include \"%s.h\"\n"
		"\n"
		"long %s(const int *a, size_t n)\n"
		"{\n"
		"\t(void)a;\n"
		"\t(void)n;\n"
		"\t/* TODO: return the sum of a[0..n), in O(n) time. */\n"
		"\treturn 0;\n"
		"}\n",
		name, topic, name, name, name);
}

static char *reference_text(const char *name)
{
	return xasprintf(
		"/* %s.c - reference solution: TODO the real one. One pass: O(n) time,\n"
		" * no extra heap. */\n"
		"#include \"%s.h\"\n"
		"\n"
		"long %s(const int *a, size_t n)\n"
		"{\n"
		"\tlong sum = 0;\n"
		"\tfor (size_t i = 0; i < n; i++)\n"
		"\t\tsum += a[i];\n"
		"\treturn sum;\n"
		"}\n",
		name, name, name);
}

/* The spec entry, its '-' at column indent + 1. */
static char *entry_text(const char *topic, const char *name, size_t indent)
{
	char *flat = xasprintf(
		"# TODO: points, sizes and budgets: make calibrate TOPIC=%.*s EXERCISE=%s\n"
		"- name: %s\n"
		"  points: {tests: 6, complexity: 2, memory: 2}\n"
		"  tests:\n"
		"    file: test_%s.c\n"
		"    timeout: 2\n"
		"  complexity:\n"
		"    bench: bench_%s.c\n"
		"    claim: O(n)\n"
		"    sizes: [4096, 8192, 16384, 32768, 65536, 131072]\n"
		"  memory:\n"
		"    size: 8192\n"
		"    heap: 1KiB\n"
		"    leaks: forbid\n"
		"  # variants:                 # known-wrong solutions, in solutions/%s/wrong/\n"
		"  #   - {file: %s_quadratic.c, fails: complexity}\n",
		(int)strspn(topic, "0123456789"), topic, name, name, name, name, topic, name);
	struct buf b = BUF_INIT;
	for (const char *line = flat; *line;) {
		const char *nl = strchr(line, '\n');
		for (size_t i = 0; i < indent; i++)
			buf_adds(&b, " ");
		buf_add(&b, line, (size_t)(nl - line) + 1);
		line = nl + 1;
	}
	free(flat);
	return buf_detach(&b);
}

/* The indentation of the last exercise's '-' in src, or 2 when there is
 * none to copy. */
static size_t entry_indent(const struct buf *src, const struct spec *spec)
{
	if (!spec->nr_exercises)
		return 2;
	unsigned want = spec->exercises[spec->nr_exercises - 1].pos.line;
	const char *p = src->buf, *end = src->buf + src->len;
	for (unsigned line = 1; line < want && p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	size_t n = 0;
	while (p + n < end && p[n] == ' ')
		n++;
	return p + n < end && p[n] == '-' ? n : 2;
}

/* Loads path quietly: the problems, if any, in *problems (caller frees). */
static int load_quietly(struct spec *spec, const char *path, char **problems)
{
	size_t len;
	FILE *f = open_memstream(problems, &len);
	if (!f)
		return spec_load(spec, path, stderr);
	int n = spec_load(spec, path, f);
	fclose(f);
	return n;
}

/* Appends entry to the spec at path (made when missing) and checks that it
 * loads with exercise name last; otherwise takes the change back. Returns
 * 0, or -1 with a message printed. */
/* Adds the exercise to the students' README of the topic (made with a
 * title when the topic is new): a section that names the file, the
 * signature's header and what is still to be written. Returns 0 or -1. */
static int add_readme(struct made *m, const char *path, const char *topic, const char *name)
{
	char *section = xasprintf("\n### `%s.c`\n\n"
				  "TODO: what %s() does, its complexity and memory targets, and a hint.\n"
				  "The signature is in `specs/%s/%s.h`; grade it with\n"
				  "`make grade TOPIC=%.*s` (or `make grade TOPIC=%.*s EXERCISE=%s`).\n",
				  name, name, topic, name, (int)strspn(topic, "0123456789"), topic,
				  (int)strspn(topic, "0123456789"), topic, name);
	int ret;
	if (!file_exists(path)) {
		char *title = title_of(topic);
		char *text = xasprintf("# Topic %.*s: %s\n\nTODO: what this topic teaches.\n\n"
				       "## The exercises\n\nWrite each function in its own file in this folder.\n%s",
				       (int)strspn(topic, "0123456789"), topic, title, section);
		ret = create_file(m, path, text);
		free(text);
		free(title);
	} else {
		struct buf src = BUF_INIT;
		ret = read_file(&src, path);
		if (!ret) {
			buf_adds(&src, section);
			/* Through a temporary file: the README is whole or untouched. */
			char *tmp = xasprintf("%s.tmp", path);
			ret = write_file(tmp, src.buf, src.len) || rename(tmp, path) ? -1 : 0;
			if (ret)
				unlink(tmp);
			free(tmp);
		}
		if (ret)
			error("cannot add %s to %s: %s", name, path, strerror(errno));
		buf_release(&src);
	}
	free(section);
	return ret;
}

static int add_entry(struct made *m, const char *path, const char *topic, const char *name,
		     int is_new)
{
	struct spec before = SPEC_INIT, after = SPEC_INIT;
	struct buf src = BUF_INIT;
	char *problems = NULL, *entry = NULL;
	int ret = -1;

	if (is_new) {
		char *title = title_of(topic);
		entry = entry_text(topic, name, 2);
		char *text = xasprintf("# Topic %.*s: %s. The spec format is described in docs/spec.md.\n"
				       "topic: %s\n"
				       "title: %s\n"
				       "\n"
				       "exercises:\n"
				       "%s",
				       (int)strspn(topic, "0123456789"), topic, title, topic, title, entry);
		ret = create_file(m, path, text);
		free(text);
		free(title);
		if (ret)
			goto out;
	} else {
		if (read_file(&src, path)) {
			error("cannot read %s: %s", path, strerror(errno));
			goto out;
		}
		if (spec_load(&before, path, stderr)) {
			error("%s has problems (above): fix them before adding an exercise", path);
			goto out;
		}
		if (spec_exercise(&before, name)) {
			error("%s already has an exercise '%s'", path, name);
			goto out;
		}
		entry = entry_text(topic, name, entry_indent(&src, &before));
		char *text = xasprintf("%s\n%s", src.len && src.buf[src.len - 1] != '\n' ? "\n" : "", entry);
		int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
		size_t len = strlen(text);
		ssize_t w = fd < 0 ? -1 : write(fd, text, len);
		int failed = fd < 0 || w != (ssize_t)len;
		int e = errno;
		if (fd >= 0 && close(fd))
			failed = 1, e = errno;
		free(text);
		if (failed) {
			if (fd >= 0 && truncate(path, (off_t)src.len))
				error("cannot restore %s to its %zu bytes: %s", path, src.len, strerror(errno));
			error("cannot append to %s: %s", path, strerror(e));
			goto out;
		}
	}

	int bad = load_quietly(&after, path, &problems);
	const struct spec_exercise *last = after.nr_exercises ? &after.exercises[after.nr_exercises - 1] : NULL;
	if (!bad && last && last->name && !strcmp(last->name, name) &&
	    after.nr_exercises == before.nr_exercises + 1) {
		ret = 0;
		goto out;
	}
	ret = -1;
	if (!is_new && truncate(path, (off_t)src.len))
		error("cannot restore %s to its %zu bytes: %s", path, src.len, strerror(errno));
	if (problems && *problems)
		fputs(problems, stderr);
	error("%s does not load with the new entry at its end (its 'exercises' list must come "
	      "last, in block style): left as it was; add this entry to 'exercises' by hand:\n%s",
	      path, entry);
out:
	spec_release(&before);
	spec_release(&after);
	buf_release(&src);
	free(problems);
	free(entry);
	return ret;
}

/* Longer than 100 lines because it refuses every bad name and existing
 * file before it writes anything, then writes the five files, the spec
 * entry and the README section in an order that cannot leave half an
 * exercise; the writing itself is in add_entry and add_readme. */
int cmd_new(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "root", required_argument, NULL, 'r' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *root_arg = NULL;
	struct made made = { NULL, NULL, 0, 0, 0 };
	int c, ret = EXIT_USAGE;

	optind = 1;
	while ((c = getopt_long(argc, argv, "r:h", opts, NULL)) != -1) {
		switch (c) {
		case 'r': root_arg = optarg; break;
		case 'h': fputs(usage, stdout); return EXIT_PASSED;
		default: fputs(usage, stderr); return EXIT_USAGE;
		}
	}
	if (argc - optind != 2) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	const char *topic_arg = argv[optind], *name = argv[optind + 1];
	const char *why = bad_exercise_name(name);
	if (why) {
		error("cannot name an exercise '%s': %s", name, why);
		return EXIT_USAGE;
	}

	char *root = course_root(root_arg);
	char *specs_dir = path_join(root, "specs");
	char *topic = NULL, *spec_path = NULL, *other = NULL;
	char *files[5] = { NULL }, *rel[5] = { NULL };
	char *readme_rel = NULL, *readme = NULL;
	const char *roles[5] = {
		"the signature students implement", "Criterion tests", "the bench driver",
		"the students' stub", "the reference solution",
	};

	if (!topic_arg[strspn(topic_arg, "0123456789")]) {
		/* a number: an existing topic */
		spec_path = topic_spec_path(root, topic_arg);
		if (!spec_path) {
			error("a new topic needs a name: NN_name, e.g. %s_scratch", topic_arg);
			goto out;
		}
		const char *base = base_name(spec_path);
		topic = xstrndup(base, strlen(base) - 5);
	} else {
		why = bad_topic_name(topic_arg);
		if (why) {
			error("cannot name a topic '%s': %s", topic_arg, why);
			goto out;
		}
		topic = xstrdup(topic_arg);
		char *file = xasprintf("%s.yaml", topic);
		spec_path = path_join(specs_dir, file);
		free(file);
		other = same_number(specs_dir, topic);
		if (other) {
			error("topic %.*s is taken by specs/%s: use '%.*s' to add to it, or another number",
			      (int)strspn(topic, "0123456789"), topic, other,
			      (int)strspn(topic, "0123456789"), topic);
			goto out;
		}
	}
	struct stat st;
	if (stat(specs_dir, &st) || !S_ISDIR(st.st_mode)) {
		error("no specs folder in %s: is it the course? (--root)", root);
		goto out;
	}

	rel[0] = xasprintf("specs/%s/%s.h", topic, name);
	rel[1] = xasprintf("specs/%s/test_%s.c", topic, name);
	rel[2] = xasprintf("specs/%s/bench_%s.c", topic, name);
	rel[3] = xasprintf("exercises/%s/%s.c", topic, name);
	rel[4] = xasprintf("solutions/%s/%s.c", topic, name);
	int exists = 0;
	for (int i = 0; i < 5; i++) {
		files[i] = path_join(root, rel[i]);
		if (!lstat(files[i], &st)) {
			error("%s exists: not overwritten", files[i]);
			exists = 1;
		}
	}
	if (exists) {
		error("nothing written: exercise '%s' of %s would replace the files above", name, topic);
		goto out;
	}
	int is_new = !file_exists(spec_path);

	char *texts[5] = {
		header_text(topic, name), tests_text(name), bench_text(name),
		stub_text(topic, name), reference_text(name),
	};
	int failed = 0;
	for (int i = 0; i < 5 && !failed; i++) {
		char *dir = xstrndup(files[i], (size_t)(base_name(files[i]) - files[i]) - 1);
		failed = make_dirs(&made, dir) || create_file(&made, files[i], texts[i]);
		free(dir);
	}
	for (int i = 0; i < 5; i++)
		free(texts[i]);
	readme_rel = xasprintf("exercises/%s/README.md", topic);
	readme = path_join(root, readme_rel);
	if (failed || add_entry(&made, spec_path, topic, name, is_new)) {
		made_undo(&made);
		ret = failed ? EXIT_INTERNAL : EXIT_USAGE;
		error("nothing written");
		goto out;
	}

	/* Last, so that nothing before it can fail and leave it half-added. */
	if (add_readme(&made, readme, topic, name))
		printf("grader: the students' README %s was not updated (above): add the exercise by hand\n", readme_rel);
	printf("new exercise '%s' in topic %s, under %s:\n", name, topic, root);
	printf("  specs/%-34s %s\n", base_name(spec_path), is_new ? "the topic's spec, made" : "entry appended");
	for (int i = 0; i < 5; i++)
		printf("  %-40s %s\n", rel[i], roles[i]);
	printf("  %-40s %s\n", readme_rel, "the students' README: a section for it, to fill in");
	printf("as made, the reference scores full marks and the stub 0; fill in the TODOs, then:\n"
	       "  make lint SPEC=specs/%s.yaml\n"
	       "  make grade TOPIC=%.*s SUBMISSION=solutions/%s\n"
	       "  make calibrate TOPIC=%.*s EXERCISE=%s\n"
	       "  make check-course TOPIC=%.*s\n",
	       topic, (int)strspn(topic, "0123456789"), topic, topic,
	       (int)strspn(topic, "0123456789"), topic, name, (int)strspn(topic, "0123456789"), topic);
	ret = EXIT_PASSED;
out:
	for (int i = 0; i < 5; i++) {
		free(files[i]);
		free(rel[i]);
	}
	made_release(&made);
	free(readme_rel);
	free(readme);
	free(other);
	free(topic);
	free(spec_path);
	free(specs_dir);
	free(root);
	return ret;
}
