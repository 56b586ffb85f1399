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
 * system calls, the loader or its own limits: nothing a course exercise
 * needs. Each group says, in the report, why. Names are compared after
 * leading underscores and "libc_" are stripped, so that the C library's
 * internal aliases (_Fork, __libc_fork, __clone, __socket) count too. */
static const struct forbidden {
	const char *why;
	const char *const names[24];
} forbidden_calls[] = {
	{ "start processes", { "fork", "vfork", "clone", "clone3", "forkpty", "posix_spawn", "posix_spawnp",
			       "pidfd_spawn", "pidfd_spawnp", "daemon", NULL } },
	{ "run programs", { "system", "popen", "execl", "execle", "execlp", "execv", "execve", "execvp",
			    "execvpe", "execveat", "fexecve", NULL } },
	{ "make raw system calls", { "syscall", NULL } },
	{ "load code at run time", { "dlopen", "dlmopen", "dlsym", "dlvsym", "dlopen_mode", NULL } },
	{ "make memory executable", { "mprotect", "pkey_mprotect", "memfd_create", NULL } },
	{ "use the network", { "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
			       "getaddrinfo", "gethostbyname", "gethostbyname2", "gethostbyname_r",
			       "gethostbyname2_r", "gethostbyaddr", "gethostbyaddr_r", NULL } },
	{ "send signals to other processes", { "kill", "killpg", "tgkill", "tkill", "sigqueue",
					       "pidfd_send_signal", NULL } },
	{ "leave its process group or session", { "setsid", "setpgid", "setpgrp", NULL } },
	{ "reach into other processes", { "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_open",
					  "pidfd_getfd", NULL } },
	{ "change its limits, its identity or its sandbox",
	  { "setrlimit", "prlimit", "prlimit64", "prctl", "seccomp", "setuid", "setgid", "seteuid",
	    "setegid", "setreuid", "setregid", "setresuid", "setresgid", "chroot", "unshare", "setns",
	    "mount", "umount", "umount2", "pivot_root", NULL } },
};

/* Prefixes of the test framework's and the grader's own names (the names
 * its libraries use come from the libraries themselves: name_sources). */
static const char *const reserved_prefixes[] = { "cr_", "criterion_", "bench_", "grader_", "bxf_", NULL };

/* exit() and friends would end a test process as if the test had passed:
 * the submission's calls go to the harness, which names them. */
static const char *const renames[] = {
	"exit=grader_exit", "_exit=grader__exit", "_Exit=grader__Exit",
	"quick_exit=grader_quick_exit", "abort=grader_abort", "main=grader_student_main",
	"pthread_exit=grader_pthread_exit", "thrd_exit=grader_thrd_exit", NULL
};

/* Libraries whose names a submission may not define: the C library, libm,
 * and the test framework with everything it imports. */
static const char *const name_sources[] = { "libc.so.6", "libm.so.6", "libcriterion.so", NULL };

static pthread_once_t names_once = PTHREAD_ONCE_INIT;
static char **lib_names;
static size_t nr_lib_names;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names the libraries export or import: a submission that defines one
 * would replace it (malloc, free, strlen, nn_send...) for the tests and the
 * runner too. */
static void load_library_names(void)
{
	size_t alloc = 0;

	for (int i = 0; name_sources[i]; i++) {
		char *script = xasprintf("nm -D \"$(gcc -print-file-name=%s)\" | awk '{print $NF}' | sed 's/@.*//'",
					 name_sources[i]);
		const char *argv[] = { "sh", "-c", script, NULL };
		struct spawn sp = { .argv = argv, .timeout = 20, .output_cap = 4u << 20 };
		struct spawn_result res = SPAWN_RESULT_INIT;

		if (!spawn_run(&sp, &res) && res.status == 0) {
			char *save = NULL;
			for (char *tok = strtok_r(res.out.buf, "\n", &save); tok; tok = strtok_r(NULL, "\n", &save)) {
				if (!*tok)
					continue;
				ALLOC_GROW(lib_names, nr_lib_names + 1, alloc);
				lib_names[nr_lib_names++] = xstrdup(tok);
			}
		}
		spawn_result_release(&res);
		free(script);
	}
	qsort(lib_names, nr_lib_names, sizeof(*lib_names), cmp_str);
}

static int is_library_name(const char *name)
{
	pthread_once(&names_once, load_library_names);
	return bsearch(&name, lib_names, nr_lib_names, sizeof(*lib_names), cmp_str) != NULL;
}

/* The group of forbidden_calls that name belongs to, or NULL. */
static const struct forbidden *forbidden_call(const char *name)
{
	char norm[256];
	size_t len = 0;

	while (*name == '_')
		name++;
	if (!strncmp(name, "libc_", 5))
		name += 5;
	for (; *name && len + 1 < sizeof(norm); name++)
		norm[len++] = (char)tolower((unsigned char)*name);
	norm[len] = '\0';
	for (size_t g = 0; g < sizeof(forbidden_calls) / sizeof(*forbidden_calls); g++)
		for (int i = 0; forbidden_calls[g].names[i]; i++)
			if (!strcmp(norm, forbidden_calls[g].names[i]))
				return &forbidden_calls[g];
	return NULL;
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

/* Runs one of the grader's own steps: as the grader's user (who can read
 * the course wherever it is kept), without a sandbox. Only for programs
 * and sources of the grader itself, never for the submission's. */
static int run_own(const char **argv, const char *cwd, struct buf *log)
{
	struct spawn sp = {
		.argv = argv, .cwd = cwd, .timeout = COMPILE_TIMEOUT, .as_grader = 1,
		.output_cap = 1u << 20, .memory_bytes = (size_t)4 << 30,
	};
	struct spawn_result res = SPAWN_RESULT_INIT;
	int r = spawn_run(&sp, &res);
	buf_add(log, res.out.buf, res.out.len);
	if (res.timed_out)
		buf_addf(log, "grader: '%s' did not finish in %d s\n", argv[0], COMPILE_TIMEOUT);
	if (!r && (res.status || res.truncated))
		r = -1;
	spawn_result_release(&res);
	return r;
}

/* The system-call filter the runners load (harness/lockdown.c): built by
 * libseccomp in a program of the grader's, written out as lockdown_bpf.h
 * in the objects' folder. Returns 0 or -1 with log saying why. */
static int build_filter(const char *src, const char *dir, struct buf *log)
{
	char *in = xasprintf("%s/lockdown.c", src);
	char *gen = path_join(dir, "lockdown-gen");
	char *header = path_join(dir, "lockdown_bpf.h");
	const char *cc[] = { "gcc", "-std=gnu11", "-O1", "-DLOCKDOWN_GENERATE", in, "-o", gen,
			     "-lseccomp", NULL };
	const char *run[] = { gen, NULL };
	struct buf text = BUF_INIT;
	int ret = -1;

	if (!run_own(cc, dir, log) && !run_own(run, dir, &text) &&
	    !write_file(header, text.buf, text.len))
		ret = 0;
	else if (text.len)
		buf_add(log, text.buf, text.len);
	unlink(gen);
	buf_release(&text);
	free(in);
	free(gen);
	free(header);
	return ret;
}

int build_harness(struct context *ctx)
{
	char *src = path_join(ctx->root, "grader/harness");
	const char *names[] = { "cr_hooks", "bench_main", "heap_count", "lockdown", NULL };
	char *incl = xasprintf("-I%s", ctx->harness_obj);
	struct buf log = BUF_INIT;
	int ret = 0;

	/* The grader's own sources, compiled as the grader's user: the
	 * course may be in a folder no other user can read. */
	if (build_filter(src, ctx->harness_obj, &log))
		ret = error("cannot build the grader's system-call filter from %s/lockdown.c:\n%s", src, log.buf);
	for (int i = 0; names[i] && !ret; i++) {
		char *in = xasprintf("%s/%s.c", src, names[i]);
		char *out = xasprintf("%s/%s.o", ctx->harness_obj, names[i]);
		const char *argv[] = { "gcc", "-std=gnu11", "-O1", "-g", "-fno-omit-frame-pointer", "-Wall",
				       incl, "-c", in, "-o", out, NULL };
		if (run_own(argv, ctx->harness_obj, &log))
			ret = error("cannot build the grader's runner %s:\n%s", in, log.buf);
		free(in);
		free(out);
	}
	free(src);
	free(incl);
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

static int is_ident(int c)
{
	return isalnum(c) || c == '_';
}

static int word_in(const char *w, size_t len, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == len && !strncmp(w, list[i], len))
			return 1;
	return 0;
}

/* Whether the string argument that follows p (a section attribute's) names
 * a section the loader runs at start-up or exit. */
static int starts_init_section(const char *p)
{
	static const char *const names[] = { ".init_array", ".preinit_array", ".fini_array", ".ctors",
					     ".dtors", ".init", ".fini", NULL };
	while (*p == ' ' || *p == '\t' || *p == '(')
		p++;
	if (*p != '"')
		return 0;
	for (int i = 0; names[i]; i++) {
		size_t l = strlen(names[i]);
		if (!strncmp(p + 1, names[i], l) && (p[1 + l] == '"' || p[1 + l] == '.'))
			return 1;
	}
	return 0;
}

/* Whether path (len bytes, not terminated) names a file in a folder called
 * valgrind: valgrind's headers, <valgrind/valgrind.h> and the like. */
static int in_valgrind_dir(const char *path, size_t len)
{
	const char *slash = memrchr(path, '/', len);
	if (!slash || slash - path < 8)
		return 0;
	return !memcmp(slash - 8, "valgrind", 8) && (slash - path == 8 || slash[-9] == '/');
}

/* Reads the preprocessed submission pre (gcc -E, with line markers) and
 * returns why it may not be built, or NULL; *line is then the submission's
 * line. Only text that comes from file (the submission, macros expanded)
 * is looked at, so a macro cannot hide what it expands to: inline assembly
 * (valgrind's RUNNING_ON_VALGRIND is some), valgrind's headers, and the
 * attributes that run code outside the graded function or place it by hand. */
static const char *source_policy(const char *pre, const char *file, unsigned *line)
{
	static const char *const asm_words[] = { "asm", "__asm", "__asm__", NULL };
	static const char *const attr_words[] = { "__attribute__", "__attribute", NULL };
	static const char *const section_words[] = { "section", "__section__", NULL };
	static const char *const init_words[] = { "constructor", "__constructor__", "destructor",
						  "__destructor__", NULL };
	static const char *const ifunc_words[] = { "ifunc", "__ifunc__", "target_clones",
						   "__target_clones__", NULL };
	unsigned ln = 1;
	int in_file = 0, depth = 0, attr_depth = -1, attr_next = 0;
	const char *p = pre;

	while (*p) {
		if (*p == '#' && (p == pre || p[-1] == '\n')) {
			/* # LINE "PATH" FLAGS */
			char *end;
			unsigned long n = strtoul(p + 1, &end, 10);
			const char *q = strchr(end, '"'), *eol = strchr(p, '\n');
			if (!eol)
				eol = p + strlen(p);
			if (end != p + 1 && q && q < eol) {
				const char *close = memchr(q + 1, '"', (size_t)(eol - q - 1));
				size_t plen = close ? (size_t)(close - q - 1) : 0;
				int here = plen == strlen(file) && !strncmp(q + 1, file, plen);
				if (in_file && !here && in_valgrind_dir(q + 1, plen)) {
					*line = ln;
					return "includes a valgrind header: graded code may not ask whether it is being measured";
				}
				in_file = here;
				ln = (unsigned)n;
			}
			p = *eol ? eol + 1 : eol;
			continue;
		}
		if (*p == '\n') {
			ln++;
			p++;
			continue;
		}
		if (!in_file) {
			p++;
			continue;
		}
		if (*p == '"' || *p == '\'') {
			char quote = *p++;
			while (*p && *p != quote && *p != '\n')
				p += p[0] == '\\' && p[1] ? 2 : 1;
			if (*p == quote)
				p++;
			continue;
		}
		if (is_ident((unsigned char)*p) && !isdigit((unsigned char)*p)) {
			const char *w = p;
			while (is_ident((unsigned char)*p))
				p++;
			size_t len = (size_t)(p - w);
			*line = ln;
			if (word_in(w, len, asm_words))
				return "uses inline assembly, which graded code may not use";
			if (word_in(w, len, attr_words))
				attr_next = 1;
			if (attr_depth >= 0 && word_in(w, len, section_words))
				return starts_init_section(p)
					? "puts a function pointer in a start-up or exit section: a constructor by another name (code that runs outside the graded function)"
					: "places code or data in a section of its choosing, which graded code may not do";
			if (attr_depth >= 0 && word_in(w, len, init_words))
				return "defines a constructor or destructor (code that runs outside the graded function)";
			if (attr_depth >= 0 && word_in(w, len, ifunc_words))
				return "defines an indirect function, whose resolver runs when the program starts, outside the graded function";
			continue;
		}
		if (*p == '(') {
			depth++;
			if (attr_next)
				attr_depth = depth;
			attr_next = 0;
		} else if (*p == ')') {
			if (depth == attr_depth)
				attr_depth = -1;
			depth--;
		} else if (!isspace((unsigned char)*p)) {
			attr_next = 0;
		}
		p++;
	}
	return NULL;
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
		/* The loader runs what the section's type says, whatever its name. */
		if (sh[i].sh_type == SHT_INIT_ARRAY)
			found = ".init_array";
		else if (sh[i].sh_type == SHT_FINI_ARRAY)
			found = ".fini_array";
		else if (sh[i].sh_type == SHT_PREINIT_ARRAY)
			found = ".preinit_array";
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

/* The line nm -l found for a symbol ("...\tpath:LINE"), or 0. */
static unsigned nm_line(const char *line)
{
	const char *tab = strchr(line, '\t'), *colon = tab ? strrchr(tab, ':') : NULL;
	return colon ? (unsigned)strtoul(colon + 1, NULL, 10) : 0;
}

/* Checks the symbols of the submission's object. Returns NULL when it may
 * be linked, or why not, e.g. "calls fork(): graded code may not start
 * processes" (caller frees); *line is then where, or 0. Sets
 * *main_line to main's line (1 when unknown) when the submission has one. */
static char *symbol_policy(const char *obj, unsigned *line, unsigned *main_line)
{
	const char *argv[] = { "nm", "-P", "-l", obj, NULL };
	struct spawn sp = { .argv = argv, .timeout = 20, .output_cap = 1u << 20 };
	struct spawn_result res = SPAWN_RESULT_INIT;
	struct buf why = BUF_INIT;

	*main_line = *line = 0;
	if (spawn_run(&sp, &res) || res.status) {
		buf_addf(&why, "could not be read by nm: %s", res.out.buf);
		goto out;
	}
	char *save = NULL;
	for (char *text = strtok_r(res.out.buf, "\n", &save); text && !why.len; text = strtok_r(NULL, "\n", &save)) {
		char name[512], type[4];
		if (sscanf(text, "%511s %3s", name, type) != 2)
			continue;
		/* U and w are references; v is a weak object nobody defined. */
		int undefined = !strcmp(type, "U") || !strcmp(type, "w") || !strcmp(type, "v");
		int global = (isupper((unsigned char)type[0]) || !strcmp(type, "i")) && !undefined;
		unsigned ln = nm_line(text);
		const struct forbidden *f;

		if (undefined && (f = forbidden_call(name))) {
			buf_addf(&why, "calls %s(): graded code may not %s", name, f->why);
		} else if (undefined && has_prefix(name, reserved_prefixes)) {
			buf_addf(&why, "uses '%s', a name of the test framework or the grader", name);
		} else if (!global) {
			continue;
		} else if (!strcmp(type, "i")) {
			/* The loader calls an indirect function's resolver while it
			 * starts the program: in the test runner, before any test. */
			buf_addf(&why, "defines '%s' as an indirect function (ifunc): its resolver would run when the program starts, outside the graded function",
				 name);
		} else if (!strcmp(name, "main")) {
			*main_line = ln ? ln : 1;
			continue;
		} else if (name[0] == '_') {
			/* C reserves these; the start-up code calls some of them
			 * (__gmon_start__) before main if they are defined. */
			buf_addf(&why, "defines '%s': names that begin with an underscore are reserved for the compiler and the C library (the start-up code calls some); rename it",
				 name);
		} else if (has_prefix(name, reserved_prefixes)) {
			buf_addf(&why, "defines '%s', which would replace the test framework's or the grader's own; make it static or rename it",
				 name);
		} else if (is_library_name(name)) {
			buf_addf(&why, "defines '%s', which would replace the C library's own for the tests and the grader too; make it static or rename it",
				 name);
		} else {
			continue;
		}
		*line = ln;
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

/* Fails the build for breaking a rule of what graded code may do: the
 * reason names the file and line, and the log gets a compiler-style line
 * so that reports show it where the student's code is. */
static void reject(struct build_result *out, struct buf *log, const char *file, unsigned line, const char *rule)
{
	if (line) {
		fail(out, xasprintf("%s:%u: %s", file, line, rule));
		buf_addf(log, "%s:%u:1: error: %s\n", file, line, rule);
	} else {
		fail(out, xasprintf("%s %s", file, rule));
	}
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
	char *lockdown = path_join(ctx->harness_obj, "lockdown.o");
	char *harness_src = path_join(ctx->root, "grader/harness");
	char *course = path_join(dir, "course");
	char *tests_src = ex->test_file ? path_join(course, ex->test_file) : NULL;
	char *incl = xasprintf("-I%s", course);
	const char *binds[] = { ctx->harness_obj, NULL };
	char *pre = xasprintf("%s/%s.i", dir, ex->name);
	struct buf log = BUF_INIT, src = BUF_INIT, text = BUF_INIT;
	const char *argv[64];
	size_t n;
	unsigned line = 0, main_line = 0;
	int ret = -1;
	const char *rule;
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

	/* The same compiler, preprocessing only: what macros expand to is
	 * what gets built. */
	n = 0;
	push(argv, &n, "gcc");
	push(argv, &n, "-std=gnu11");
	push(argv, &n, "-O1");
	push(argv, &n, incl);
	for (size_t i = 0; i < ex->nr_cflags && n < 50; i++)
		push(argv, &n, ex->cflags[i]);
	push(argv, &n, "-E");
	push(argv, &n, file);
	push(argv, &n, "-o");
	push(argv, &n, pre);
	argv[n] = NULL;
	if (run_tool(argv, dir, binds, &log, 1) || read_file(&text, pre)) {
		fail(out, xasprintf("cannot preprocess %s", file));
		goto out;
	}
	unlink(pre);
	if ((rule = source_policy(text.buf, file, &line))) {
		reject(out, &log, file, line, rule);
		goto out;
	}
	if ((rule = init_section(obj))) {
		fail(out, xasprintf("%s defines a constructor or destructor (code that runs outside the graded function: its object has a %s section)",
				    file, rule));
		goto out;
	}
	why = symbol_policy(obj, &line, &main_line);
	if (why) {
		reject(out, &log, file, line, why);
		free(why);
		goto out;
	}
	if (main_line)
		buf_addf(&log, "%s:%u:1: note: main() is ignored: the course's tests and benchmark call %s() themselves\n",
			 file, main_line, ex->name);

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
		push(argv, &n, lockdown);
		push(argv, &n, "-Wl,--wrap=criterion_internal_test_setup,--wrap=criterion_internal_test_main,"
			 "--wrap=criterion_send_assert");
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
		push(argv, &n, lockdown);
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
	buf_release(&text);
	free(pre);
	free(file);
	free(copy);
	free(obj);
	free(hooks);
	free(runner);
	free(heap_counter);
	free(lockdown);
	free(harness_src);
	free(course);
	free(tests_src);
	free(incl);
	return ret;
}
