/* build.c - compile a submission with the course's tests and benchmark runner */
#include "build.h"

#include <ctype.h>
#include <dirent.h>
#include <elf.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spawn.h"
#include "util.h"

#define COMPILE_TIMEOUT 60

/* Calls that hand the submission another process, the network, raw
 * system calls or the loader: nothing a course exercise needs. */
static const char *const forbidden_calls[] = {
	"fork", "vfork", "clone", "clone3", "system", "popen", "execl", "execle",
	"execlp", "execv", "execve", "execvp", "execvpe", "fexecve", "posix_spawn",
	"posix_spawnp", "syscall", "dlopen", "dlmopen", "dlsym", "dlvsym", "ptrace",
	"socket", "socketpair", "connect", "bind", "listen", "accept", "kill", "killpg",
	"tgkill", "setrlimit", "prlimit", "prlimit64", "prctl", "setsid", "setpgid",
	"daemon", "chroot", "unshare", "setns", "setuid", "setgid", "seccomp", NULL
};

/* Prefixes of the test framework's and the grader's own names. */
static const char *const reserved_prefixes[] = { "cr_", "criterion_", "bench_", "grader_", "bxf_", NULL };

/* exit() and friends would end a test process as if the test had passed:
 * the submission's calls go to the harness, which names them. */
static const char *const renames[] = {
	"exit=grader_exit", "_exit=grader__exit", "_Exit=grader__Exit",
	"quick_exit=grader_quick_exit", "abort=grader_abort", "main=grader_student_main", NULL
};

static pthread_once_t libc_once = PTHREAD_ONCE_INIT;
static char **libc_names;
static size_t nr_libc_names;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names the C library exports: a submission that defines one would
 * replace it (malloc, free, strlen...) for the tests and the runner too. */
static void load_libc_names(void)
{
	const char *argv[] = { "sh", "-c",
		"nm -D --defined-only \"$(gcc -print-file-name=libc.so.6)\" | awk '{print $3}' | sed 's/@.*//'",
		NULL };
	struct spawn sp = { .argv = argv, .timeout = 20, .output_cap = 4u << 20 };
	struct spawn_result res = SPAWN_RESULT_INIT;
	size_t alloc = 0;

	if (!spawn_run(&sp, &res) && res.status == 0) {
		char *save = NULL;
		for (char *tok = strtok_r(res.out.buf, "\n", &save); tok; tok = strtok_r(NULL, "\n", &save)) {
			if (!*tok)
				continue;
			ALLOC_GROW(libc_names, nr_libc_names + 1, alloc);
			libc_names[nr_libc_names++] = xstrdup(tok);
		}
		qsort(libc_names, nr_libc_names, sizeof(*libc_names), cmp_str);
	}
	spawn_result_release(&res);
}

static int is_libc_name(const char *name)
{
	pthread_once(&libc_once, load_libc_names);
	return bsearch(&name, libc_names, nr_libc_names, sizeof(*libc_names), cmp_str) != NULL;
}

static int run_tool(const char **argv, const char *cwd, const char **ro_binds, struct buf *log, int sandbox)
{
	struct spawn sp = {
		.argv = argv, .cwd = cwd, .timeout = COMPILE_TIMEOUT, .sandbox = sandbox,
		.ro_binds = ro_binds, .output_cap = 256u << 10, .processes = 64,
		.memory_bytes = (size_t)4 << 30, .file_bytes = (size_t)256 << 20,
	};
	struct spawn_result res = SPAWN_RESULT_INIT;
	int r = spawn_run(&sp, &res);
	buf_add(log, res.out.buf, res.out.len);
	if (res.timed_out)
		buf_addf(log, "grader: '%s' did not finish in %d s\n", argv[0], COMPILE_TIMEOUT);
	if (!r && res.status)
		r = -1;
	spawn_result_release(&res);
	return r;
}

int build_harness(struct context *ctx)
{
	char *src = path_join(ctx->root, "grader/harness");
	const char *names[] = { "cr_hooks", "bench_main", "heap_count", NULL };
	struct buf log = BUF_INIT;
	int ret = 0;

	for (int i = 0; names[i] && !ret; i++) {
		char *in = xasprintf("%s/%s.c", src, names[i]);
		char *out = xasprintf("%s/%s.o", ctx->harness_obj, names[i]);
		const char *argv[] = { "gcc", "-std=gnu11", "-O1", "-g", "-fno-omit-frame-pointer", "-Wall",
				       "-c", in, "-o", out, NULL };
		if (run_tool(argv, ctx->harness_obj, NULL, &log, 0))
			ret = error("cannot build the grader's runner %s:\n%s", in, log.buf);
		free(in);
		free(out);
	}
	free(src);
	buf_release(&log);
	return ret;
}

size_t build_parse_diagnostics(const char *log, const char *file, struct diagnostic **out)
{
	size_t n = 0, alloc = 0, flen = strlen(file);
	*out = NULL;
	for (const char *line = log; line && *line;) {
		const char *eol = strchr(line, '\n');
		size_t len = eol ? (size_t)(eol - line) : strlen(line);
		unsigned ln = 0, col = 0;
		int used = 0;
		if (len > flen + 1 && !strncmp(line, file, flen) && line[flen] == ':' &&
		    sscanf(line + flen, ":%u:%u: %n", &ln, &col, &used) == 2 && used) {
			const char *rest = line + flen + used;
			const char *colon = memchr(rest, ':', len - (size_t)(rest - line));
			if (colon) {
				ALLOC_GROW(*out, n + 1, alloc);
				struct diagnostic *d = &(*out)[n++];
				d->loc.file = xstrdup(file);
				d->loc.line = ln;
				d->column = col;
				d->severity = xstrndup(rest, (size_t)(colon - rest));
				const char *msg = colon + 1;
				while (*msg == ' ')
					msg++;
				d->message = xstrndup(msg, len - (size_t)(msg - line));
			}
		}
		line = eol ? eol + 1 : NULL;
	}
	return n;
}

/* Inline assembly could make system calls that the symbol policy cannot
 * see. Comments and literals are skipped; a word "asm" in code is not. */
static int uses_inline_asm(const char *src)
{
	for (const char *p = src; *p; p++) {
		if (p[0] == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");
			if (!e)
				return 0;
			p = e + 1;
		} else if (p[0] == '/' && p[1] == '/') {
			while (p[1] && p[1] != '\n')
				p++;
		} else if (*p == '"' || *p == '\'') {
			char q = *p;
			while (p[1] && p[1] != q) {
				if (p[1] == '\\' && p[2])
					p++;
				p++;
			}
			if (p[1])
				p++;
		} else if ((p == src || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')) &&
			   (!strncmp(p, "asm", 3) || !strncmp(p, "__asm", 5))) {
			const char *e = p + (p[0] == '_' ? 5 : 3);
			if (*e == '_' && e[1] == '_')
				e += 2;
			if (!isalnum((unsigned char)*e) && *e != '_')
				return 1;
		}
	}
	return 0;
}

/* Constructors and destructors run outside any test, in the test runner
 * itself, where they could forge results. */
static const char *init_section(const char *obj)
{
	static const char *const banned[] = { ".init_array", ".preinit_array", ".fini_array",
					      ".ctors", ".dtors", ".init", ".fini", NULL };
	struct buf b = BUF_INIT;
	const char *found = NULL;

	if (read_file(&b, obj) || b.len < sizeof(Elf64_Ehdr) || memcmp(b.buf, ELFMAG, SELFMAG) ||
	    b.buf[EI_CLASS] != ELFCLASS64)
		goto out;
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)b.buf;
	if (eh->e_shoff > b.len || eh->e_shentsize != sizeof(Elf64_Shdr) ||
	    eh->e_shnum > (b.len - eh->e_shoff) / sizeof(Elf64_Shdr) || eh->e_shstrndx >= eh->e_shnum)
		goto out;
	const Elf64_Shdr *sh = (const Elf64_Shdr *)(b.buf + eh->e_shoff);
	const Elf64_Shdr *strtab = &sh[eh->e_shstrndx];
	if (strtab->sh_offset > b.len || strtab->sh_size > b.len - strtab->sh_offset)
		goto out;
	for (unsigned i = 0; i < eh->e_shnum && !found; i++) {
		if (sh[i].sh_name >= strtab->sh_size)
			continue;
		const char *name = b.buf + strtab->sh_offset + sh[i].sh_name;
		size_t room = strtab->sh_size - sh[i].sh_name;
		for (int k = 0; banned[k]; k++) {
			size_t l = strlen(banned[k]);
			if (l < room && !strncmp(name, banned[k], l) && (name[l] == '\0' || name[l] == '.'))
				found = banned[k];
		}
	}
out:
	buf_release(&b);
	return found;
}

static int has_prefix(const char *s, const char *const *prefixes)
{
	for (int i = 0; prefixes[i]; i++)
		if (!strncmp(s, prefixes[i], strlen(prefixes[i])))
			return 1;
	return 0;
}

/* Checks the symbols of the submission's object. Returns NULL when it may
 * be linked, or why not (caller frees). Sets *has_main. */
static char *symbol_policy(const char *obj, const char *file, int *has_main)
{
	const char *argv[] = { "nm", "-P", obj, NULL };
	struct spawn sp = { .argv = argv, .timeout = 20, .output_cap = 1u << 20 };
	struct spawn_result res = SPAWN_RESULT_INIT;
	struct buf why = BUF_INIT;

	*has_main = 0;
	if (spawn_run(&sp, &res) || res.status) {
		buf_addf(&why, "cannot read the symbols of %s: %s", file, res.out.buf);
		goto out;
	}
	char *save = NULL;
	for (char *line = strtok_r(res.out.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[512], type[4];
		if (sscanf(line, "%511s %3s", name, type) != 2)
			continue;
		int undefined = !strcmp(type, "U") || !strcmp(type, "w");
		int global = isupper((unsigned char)type[0]) && !undefined;
		if (undefined) {
			for (int i = 0; forbidden_calls[i]; i++)
				if (!strcmp(name, forbidden_calls[i]) && !why.len)
					buf_addf(&why, "%s calls %s(), which graded code may not use", file, name);
			if (has_prefix(name, reserved_prefixes) && !why.len)
				buf_addf(&why, "%s uses '%s', a name of the test framework or the grader", file, name);
		} else if (global) {
			if (!strcmp(name, "main"))
				*has_main = 1;
			else if ((has_prefix(name, reserved_prefixes) || is_libc_name(name)) && !why.len)
				buf_addf(&why, "%s defines '%s', which would replace the C library's or the grader's own; make it static or rename it",
					 file, name);
		}
	}
out:
	spawn_result_release(&res);
	return why.len ? buf_detach(&why) : (buf_release(&why), NULL);
}

/* Copies the regular files of the topic's spec folder and the driver API
 * header into folder to. Returns 0 or -1. */
static int copy_course(const char *spec_dir, const char *harness, const char *to)
{
	DIR *d = opendir(spec_dir);
	struct dirent *e;
	int ret = 0;

	if (!d || mkdir_p(to, 0755))
		ret = -1;
	while (d && !ret && (e = readdir(d))) {
		char *from = path_join(spec_dir, e->d_name);
		char *dest = path_join(to, e->d_name);
		if (file_exists(from))
			ret = copy_file(from, dest);
		free(from);
		free(dest);
	}
	if (d)
		closedir(d);
	if (!ret) {
		char *from = path_join(harness, "bench.h");
		char *dest = path_join(to, "bench.h");
		ret = copy_file(from, dest);
		free(from);
		free(dest);
	}
	return ret;
}

static void push(const char **argv, size_t *n, const char *s)
{
	argv[(*n)++] = s;
}

/* How the course's own sources (tests, drivers, the runner) are compiled:
 * like the submission, so line numbers and costs read the same. */
static void push_course_flags(const char **argv, size_t *n)
{
	static const char *const flags[] = { "-std=gnu11", "-O1", "-g", "-fno-omit-frame-pointer", NULL };
	for (int i = 0; flags[i]; i++)
		push(argv, n, flags[i]);
}

static void fail(struct build_result *out, char *reason)
{
	out->status = ST_FAIL;
	free(out->reason);
	out->reason = reason;
}

int build_exercise(const struct context *ctx, const struct spec *spec,
		   const struct spec_exercise *ex, const char *source, const char *dir,
		   struct build_result *out)
{
	char *file = xasprintf("%s.c", ex->name);
	char *copy = path_join(dir, file);
	char *obj = xasprintf("%s/%s.o", dir, ex->name);
	char *hooks = path_join(ctx->harness_obj, "cr_hooks.o");
	char *runner = path_join(ctx->harness_obj, "bench_main.o");
	char *heap_counter = path_join(ctx->harness_obj, "heap_count.o");
	char *harness_src = path_join(ctx->root, "grader/harness");
	char *course = path_join(dir, "course");
	char *tests_src = ex->test_file ? path_join(course, ex->test_file) : NULL;
	char *incl = xasprintf("-I%s", course);
	const char *binds[] = { ctx->harness_obj, NULL };
	struct buf log = BUF_INIT, src = BUF_INIT;
	const char *argv[64];
	size_t n;
	int has_main = 0, ret = -1;
	char *why;

	out->status = ST_PASS;
	/* The compiler runs as an unprivileged user, who may not be able to
	 * read a course kept in a private home folder: it gets a copy. */
	if (copy_course(spec->dir, harness_src, course)) {
		fail(out, xasprintf("grader: cannot copy the course's files from %s", spec->dir));
		goto out;
	}
	if (!source || read_file(&src, source)) {
		fail(out, xasprintf("%s is missing from the submission", file));
		goto out;
	}
	if (uses_inline_asm(src.buf)) {
		fail(out, xasprintf("%s uses inline assembly, which graded code may not use", file));
		goto out;
	}
	if (write_file(copy, src.buf, src.len)) {
		fail(out, xasprintf("cannot copy %s into the scratch folder", file));
		goto out;
	}

	/* The submission alone, from a folder holding nothing else: its
	 * #include "x.h" finds the course's header, not one of its own. */
	n = 0;
	push(argv, &n, "gcc");
	push(argv, &n, "-std=gnu11");
	push(argv, &n, "-O1");
	push(argv, &n, "-g");
	push(argv, &n, "-fno-omit-frame-pointer");
	push(argv, &n, "-Wall");
	push(argv, &n, "-Wextra");
	push(argv, &n, "-fdiagnostics-plain-output");
	push(argv, &n, incl);
	for (size_t i = 0; i < ex->nr_cflags && n < 50; i++)
		push(argv, &n, ex->cflags[i]);
	push(argv, &n, "-c");
	push(argv, &n, file);
	push(argv, &n, "-o");
	push(argv, &n, obj);
	argv[n] = NULL;
	if (run_tool(argv, dir, binds, &log, 1)) {
		fail(out, xasprintf("%s does not compile", file));
		goto out;
	}

	if (init_section(obj)) {
		fail(out, xasprintf("%s defines a constructor or destructor (code that runs outside the graded function)", file));
		goto out;
	}
	why = symbol_policy(obj, file, &has_main);
	if (why) {
		fail(out, why);
		goto out;
	}
	if (has_main)
		buf_addf(&log, "grader: note: %s defines main(); it is ignored: the course provides the program that calls %s()\n",
			 file, ex->name);

	n = 0;
	push(argv, &n, "objcopy");
	for (int i = 0; renames[i]; i++) {
		push(argv, &n, "--redefine-sym");
		push(argv, &n, renames[i]);
	}
	push(argv, &n, obj);
	argv[n] = NULL;
	if (run_tool(argv, dir, binds, &log, 1)) {
		fail(out, xasprintf("cannot prepare %s for linking", file));
		goto out;
	}

	/* The course's tests, linked with the submission and the hooks. */
	if (tests_src) {
		n = 0;
		push(argv, &n, "gcc");
		push_course_flags(argv, &n);
		push(argv, &n, incl);
		for (size_t i = 0; i < ex->nr_cflags && n < 40; i++)
			push(argv, &n, ex->cflags[i]);
		push(argv, &n, tests_src);
		push(argv, &n, obj);
		push(argv, &n, hooks);
		push(argv, &n, "-o");
		push(argv, &n, "tests");
		push(argv, &n, "-lcriterion");
		for (size_t i = 0; i < ex->nr_libs && n < 60; i++)
			push(argv, &n, ex->libs[i]);
		argv[n] = NULL;
		if (run_tool(argv, dir, binds, &log, 1)) {
			fail(out, xasprintf("%s compiles but does not link with the course's tests", file));
			goto out;
		}
	}
	/* The benchmark runner, and a second one when the memory check has a
	 * driver of its own (one that exposes memory at a size the growth
	 * ladder could not afford under memcheck). */
	for (int k = 0; k < 3; k++) {
		const char *driver = k == 1 ? ex->memory_bench : ex->bench_file;
		if (!driver || (k == 1 && ex->bench_file && !strcmp(driver, ex->bench_file)) ||
		    (k == 2 && !ex->has_space))
			continue;
		char *driver_src = path_join(course, driver);
		n = 0;
		push(argv, &n, "gcc");
		push_course_flags(argv, &n);
		push(argv, &n, incl);
		for (size_t i = 0; i < ex->nr_cflags && n < 40; i++)
			push(argv, &n, ex->cflags[i]);
		push(argv, &n, driver_src);
		push(argv, &n, obj);
		push(argv, &n, runner);
		if (k == 2)
			push(argv, &n, heap_counter);
		push(argv, &n, "-o");
		push(argv, &n, k == 0 ? "bench" : k == 1 ? "bench-memory" : "bench-heap");
		for (size_t i = 0; i < ex->nr_libs && n < 60; i++)
			push(argv, &n, ex->libs[i]);
		argv[n] = NULL;
		int failed = run_tool(argv, dir, binds, &log, 1);
		free(driver_src);
		if (failed) {
			fail(out, xasprintf("%s compiles but does not link with the course's benchmark driver %s", file, driver));
			goto out;
		}
	}
	ret = 0;
out:
	out->log = buf_detach(&log);
	out->nr_diags = build_parse_diagnostics(out->log, file, &out->diags);
	buf_release(&src);
	free(file);
	free(copy);
	free(obj);
	free(hooks);
	free(runner);
	free(heap_counter);
	free(harness_src);
	free(course);
	free(tests_src);
	free(incl);
	return ret;
}
