/* build.c - compile a submission with the course's tests and benchmark runner */
#include "build.h"

#include <ctype.h>
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "objcache.h"
#include "origin.h"
#include "spawn.h"
#include "util.h"

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

static pthread_mutex_t names_lock = PTHREAD_MUTEX_INITIALIZER;
static int names_loaded;
static char **lib_names;
static size_t nr_lib_names;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The libraries' names as one line each, from their dynamic symbol
 * tables. Returns 0, or -1 when a table could not be read (out then
 * holds the others'). */
static int list_library_names(struct buf *out)
{
	int ret = 0;

	for (int i = 0; name_sources[i]; i++) {
		char *script = xasprintf("nm -D \"$(gcc -print-file-name=%s)\" | awk '{print $NF}' | sed 's/@.*//'",
					 name_sources[i]);
		const char *argv[] = { "sh", "-c", script, NULL };
		struct spawn sp = { .argv = argv, .timeout = 20, .output_cap = 4u << 20 };
		struct spawn_result res = SPAWN_RESULT_INIT;
		int bad = spawn_run(&sp, &res) || res.status || res.truncated;

		if (!bad)
			buf_add(out, res.out.buf, res.out.len);
		ret |= bad ? -1 : 0;
		spawn_result_release(&res);
		free(script);
	}
	return ret;
}

/* The names the libraries export or import: a submission that defines one
 * would replace it (malloc, free, strlen, nn_send...) for the tests and the
 * runner too. Read once per process, and kept in the object store (when
 * there is one) until the toolchain changes; folder is the grading's
 * scratch folder, where the list passes through. */
static void load_library_names(const char *store, const char *folder)
{
	static const char *const kept[] = { "library-names", NULL };
	struct buf list = BUF_INIT, material = BUF_INIT;
	size_t alloc = 0;

	pthread_mutex_lock(&names_lock);
	if (names_loaded)
		goto out;
	names_loaded = 1;
	char *file = folder ? path_join(folder, kept[0]) : NULL;
	buf_adds(&material, "library names 1\n");
	objcache_add_toolchain(&material);
	if (!(store && file && !objcache_get(store, material.buf, kept, folder) && !read_file(&list, file))) {
		buf_reset(&list);
		if (!list_library_names(&list) && store && file && !write_file(file, list.buf, list.len))
			objcache_put(store, material.buf, kept, folder);
	}
	free(file);
	char *save = NULL;
	for (char *tok = strtok_r(list.buf, "\n", &save); tok; tok = strtok_r(NULL, "\n", &save)) {
		ALLOC_GROW(lib_names, nr_lib_names + 1, alloc);
		lib_names[nr_lib_names++] = xstrdup(tok);
	}
	qsort(lib_names, nr_lib_names, sizeof(*lib_names), cmp_str);
out:
	pthread_mutex_unlock(&names_lock);
	buf_release(&list);
	buf_release(&material);
}

static int is_library_name(const char *name)
{
	load_library_names(NULL, NULL);
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

/* Runs a compiler or binutil. Returns 0 when it succeeded, 1 when it ran
 * and failed (its messages are in log), -1 when it could not be run at
 * all (the machine's fault: log says why). */
static int run_tool(const char **argv, const char *cwd, const char **ro_binds, struct buf *log)
{
	struct spawn sp = { SPAWN_COMPILER, .argv = argv, .cwd = cwd, .ro_binds = ro_binds };
	struct spawn_result res = SPAWN_RESULT_INIT;
	int r = spawn_run(&sp, &res);
	buf_add(log, res.out.buf, res.out.len);
	if (res.timed_out)
		buf_addf(log, "grader: '%s' did not finish in %d s\n", argv[0], SPAWN_COMPILE_SECONDS);
	if (r)
		buf_adds(log, "\n");
	else if (res.status)
		r = 1;
	spawn_result_release(&res);
	return r;
}

/* Runs one of the grader's own steps: as the grader's user (who can read
 * the course wherever it is kept), without a sandbox. Only for programs
 * and sources of the grader itself, never for the submission's. */
static int run_own(const char **argv, const char *cwd, struct buf *log)
{
	struct spawn sp = {
		.argv = argv, .cwd = cwd, .timeout = SPAWN_COMPILE_SECONDS, .as_grader = 1,
		.output_cap = 1u << 20, .memory_bytes = (size_t)4 << 30,
	};
	struct spawn_result res = SPAWN_RESULT_INIT;
	int r = spawn_run(&sp, &res);
	buf_add(log, res.out.buf, res.out.len);
	if (res.timed_out)
		buf_addf(log, "grader: '%s' did not finish in %d s\n", argv[0], SPAWN_COMPILE_SECONDS);
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

/* The store of compiled objects in the grading's cache folder, or NULL
 * when the cache is off. Caller frees. */
static char *object_store(const struct context *ctx)
{
	return ctx->cache_dir ? path_join(ctx->cache_dir, "objects") : NULL;
}

/* What the runner objects are made of: the grader's runner sources and
 * the toolchain. Caller frees. */
static char *harness_material(const char *src)
{
	struct buf m = BUF_INIT;
	buf_adds(&m, "runner objects 1\n");
	objcache_add_toolchain(&m);
	objcache_add_folder(&m, src);
	return buf_detach(&m);
}

int build_harness(struct context *ctx)
{
	static const char *const made[] = { "lockdown_bpf.h", "cr_hooks.o", "bench_main.o", "heap_count.o",
					    "crash.o", "lockdown.o", "thread_count.o", "san_hooks.o", "cr_hooks_san.o",
					    NULL };
	char *src = path_join(ctx->root, "grader/harness");
	const char *names[] = { "cr_hooks", "bench_main", "heap_count", "crash", "lockdown", "thread_count", NULL };
	char *incl = xasprintf("-I%s", ctx->harness_obj);
	char *store = object_store(ctx);
	char *material = store ? harness_material(src) : NULL;
	struct buf log = BUF_INIT;
	int ret = 0;

	/* Built once per version of the runner and the toolchain. */
	if (store && !objcache_get(store, material, made, ctx->harness_obj))
		goto out;
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
	/* For the tests' sanitizer build (build_sanitized): its hooks, and the
	 * Criterion hooks keeping more of each test's output (the reports). */
	static const char *const san[][3] = {
		{ "san_hooks.c", "san_hooks.o", "-DGRADER_SAN" },
		{ "cr_hooks.c", "cr_hooks_san.o", "-DOUTPUT_CAP=3500" },
	};
	for (size_t i = 0; i < sizeof(san) / sizeof(san[0]) && !ret; i++) {
		char *in = path_join(src, san[i][0]);
		char *out = path_join(ctx->harness_obj, san[i][1]);
		const char *argv[] = { "gcc", "-std=gnu11", "-O1", "-g", "-fno-omit-frame-pointer", "-Wall",
				       incl, san[i][2], "-c", in, "-o", out, NULL };
		if (run_own(argv, ctx->harness_obj, &log))
			ret = error("cannot build the grader's runner %s:\n%s", in, log.buf);
		free(in);
		free(out);
	}
	if (!ret && store)
		objcache_put(store, material, made, ctx->harness_obj);
out:
	free(store);
	free(material);
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

/* Reads the preprocessed submission pre (gcc -E, with line markers, run
 * in the build folder) and returns why it may not be built, or NULL; *line
 * is then the line and *where (caller frees) the file it is in. Only text
 * that comes from the submission's files (the unit and the student's own
 * headers: every file named without a folder, as they sit in the build
 * folder; the course's are under course/, the system's absolute) is
 * looked at, macros expanded, so a macro cannot hide what it expands to:
 * inline assembly (valgrind's RUNNING_ON_VALGRIND is some), valgrind's
 * headers, the attributes that run code outside the graded function or
 * place it by hand, and a #line that would pass the submission's text off
 * as another file's. */
/* An identifier the grader's measurements know by name (massif leaves out
 * what bench_alloc and the C library's _IO_ buffers allocate): the
 * submission's own text has no use for one, and an inlined static
 * function so named would not even leave a symbol for the build's other
 * rules to see. */
static int reserved_word(const char *w, size_t len)
{
	static const char *const prefixes[] = { "bench_", "grader_", "_IO_", NULL };
	for (int i = 0; prefixes[i]; i++) {
		size_t pl = strlen(prefixes[i]);
		if (len >= pl && !memcmp(w, prefixes[i], pl))
			return 1;
	}
	return 0;
}

/* Where source_policy is in the preprocessed text. */
struct policy_scan {
	const char *file;     /* the graded file's name */
	unsigned ln;          /* the line of the file being read */
	int in_file;          /* reading the submission's own file (not a header) */
	int started;          /* past gcc's preamble: file's line 1 was entered */
	int depth;            /* parentheses open */
	int attr_depth;       /* the depth of the __attribute__ (( )) being read, or -1 */
	int attr_next;        /* the last word was __attribute__ */
	const char *cur;      /* the file named by the last line marker */
	size_t cur_len;
};

/* Reads a line marker "# LINE "PATH" FLAGS" at p (eol ends it). Returns
 * the rule it breaks, or NULL. */
static const char *marker_rule(struct policy_scan *s, const char *p, const char *eol)
{
	char *end;
	unsigned long n = strtoul(p + 1, &end, 10);
	const char *q = strchr(end, '"');

	if (end == p + 1 || !q || q >= eol)
		return NULL;
	const char *close = memchr(q + 1, '"', (size_t)(eol - q - 1));
	size_t plen = close ? (size_t)(close - q - 1) : 0;
	int here = plen && q[1] != '<' && !memchr(q + 1, '/', plen);
	/* Entering a file is flag 1, returning 2; a marker without flags
	 * to another name is a #line. */
	const char *flags = close ? close + 1 : eol;
	while (flags < eol && *flags == ' ')
		flags++;
	/* gcc's own preamble (<built-in>, <command-line>) ends where file's
	 * line 1 starts. */
	int renamed = s->started && s->in_file && flags == eol &&
		      (plen != s->cur_len || memcmp(q + 1, s->cur, plen));
	if (n >= 1 && plen == strlen(s->file) && !memcmp(q + 1, s->file, plen))
		s->started = 1;
	if (renamed)
		return "names another file with #line, which graded code may not do";
	if (s->in_file && !here && in_valgrind_dir(q + 1, plen))
		return "includes a valgrind header: graded code may not ask whether it is being measured";
	s->in_file = here;
	s->cur = q + 1;
	s->cur_len = plen;
	s->ln = (unsigned)n;
	return NULL;
}

/* The rule the word w (len bytes; p is just past it) breaks, or NULL. */
static const char *word_rule(struct policy_scan *s, const char *w, size_t len, const char *p)
{
	static const char *const asm_words[] = { "asm", "__asm", "__asm__", NULL };
	static const char *const attr_words[] = { "__attribute__", "__attribute", NULL };
	static const char *const section_words[] = { "section", "__section__", NULL };
	static const char *const init_words[] = { "constructor", "__constructor__", "destructor",
						  "__destructor__", NULL };
	static const char *const ifunc_words[] = { "ifunc", "__ifunc__", "target_clones",
						   "__target_clones__", NULL };

	if (word_in(w, len, asm_words))
		return "uses inline assembly, which graded code may not use";
	if (reserved_word(w, len))
		return "uses a name reserved for the grader and the C library (bench_..., grader_..., _IO_...), even as a local or static name: the measurements leave some of these out by name";
	if (word_in(w, len, attr_words))
		s->attr_next = 1;
	else if (s->attr_depth >= 0 && word_in(w, len, section_words))
		return starts_init_section(p)
			? "puts a function pointer in a start-up or exit section: a constructor by another name (code that runs outside the graded function)"
			: "places code or data in a section of its choosing, which graded code may not do";
	else if (s->attr_depth >= 0 && word_in(w, len, init_words))
		return "defines a constructor or destructor (code that runs outside the graded function)";
	else if (s->attr_depth >= 0 && word_in(w, len, ifunc_words))
		return "defines an indirect function, whose resolver runs when the program starts, outside the graded function";
	return NULL;
}

static const char *source_policy(const char *pre, const char *file, unsigned *line, char **where)
{
	struct policy_scan s = { .file = file, .ln = 1, .attr_depth = -1, .cur = "" };
	const char *p = pre, *rule = NULL;

	while (*p) {
		if (*p == '#' && (p == pre || p[-1] == '\n')) {
			const char *eol = strchr(p, '\n');
			if (!eol)
				eol = p + strlen(p);
			*line = s.ln;
			if ((rule = marker_rule(&s, p, eol)))
				goto found;
			p = *eol ? eol + 1 : eol;
			continue;
		}
		if (*p == '\n') {
			s.ln++;
			p++;
			continue;
		}
		if (!s.in_file) {
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
			*line = s.ln;
			if ((rule = word_rule(&s, w, (size_t)(p - w), p)))
				goto found;
			continue;
		}
		if (*p == '(') {
			s.depth++;
			if (s.attr_next)
				s.attr_depth = s.depth;
			s.attr_next = 0;
		} else if (*p == ')') {
			if (s.depth == s.attr_depth)
				s.attr_depth = -1;
			s.depth--;
		} else if (!isspace((unsigned char)*p)) {
			s.attr_next = 0;
		}
		p++;
	}
	return NULL;
found:
	*where = xstrndup(s.cur, s.cur_len);
	return rule;
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
/* The line nm -l gives for a symbol, when it is in file: for a name the
 * C library declares (malloc), it gives the header's declaration. */
static unsigned nm_line(const char *line, const char *file)
{
	const char *tab = strchr(line, '\t'), *colon = tab ? strrchr(tab, ':') : NULL;
	if (!colon || (size_t)(colon - tab - 1) < strlen(file))
		return 0;
	const char *base = colon - strlen(file);
	if (strncmp(base, file, strlen(file)) || (base > tab + 1 && base[-1] != '/'))
		return 0;
	return (unsigned)strtoul(colon + 1, NULL, 10);
}

/* The first line of file, in its preprocessed text pre, where name
 * stands outside every function body: its declaration or definition.
 * Returns 0 when there is none. */
static unsigned definition_line(const char *pre, const char *file, const char *name)
{
	size_t fl = strlen(file), nl = strlen(name);
	unsigned ln = 1;
	int in_file = 0, depth = 0;

	for (const char *p = pre; *p;) {
		if (*p == '#' && (p == pre || p[-1] == '\n')) {
			/* A line marker: # N "file" flags. */
			char *end;
			unsigned long n = strtoul(p + 1, &end, 10);
			const char *q = strchr(end, '"'), *eol = strchr(p, '\n');
			if (end != p + 1 && q && (!eol || q < eol)) {
				ln = (unsigned)n;
				in_file = !strncmp(q + 1, file, fl) && q[1 + fl] == '"';
			}
			p = eol ? eol + 1 : p + strlen(p);
			continue;
		}
		if (*p == '\n') {
			ln++;
			p++;
		} else if (*p == '"' || *p == '\'') {
			char quote = *p++;
			while (*p && *p != quote && *p != '\n')
				p += p[0] == '\\' && p[1] ? 2 : 1;
			if (*p == quote)
				p++;
		} else if (is_ident((unsigned char)*p)) {
			const char *w = p;
			while (is_ident((unsigned char)*p))
				p++;
			if (in_file && !depth && (size_t)(p - w) == nl && !strncmp(w, name, nl))
				return ln;
		} else {
			depth += *p == '{' ? 1 : *p == '}' ? -1 : 0;
			p++;
		}
	}
	return 0;
}

/* Checks the symbols of the submission's object. Returns NULL when it may
 * be linked, or why not, e.g. "calls fork(): graded code may not start
 * processes" (caller frees); *line is then where, or 0. Sets
 * *main_line to main's line (1 when unknown) when the submission has one. */
static char *symbol_policy(const char *obj, const char *file, const char *pre, unsigned *line,
			   unsigned *main_line)
{
	const char *argv[] = { "nm", "-P", "-l", obj, NULL };
	struct spawn sp = { SPAWN_HELPER, .argv = argv };
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
		unsigned ln = nm_line(text, file);
		const struct forbidden *f;

		if (undefined && (f = forbidden_call(name))) {
			buf_addf(&why, "calls %s(): graded code may not %s", name, f->why);
		} else if (undefined && has_prefix(name, reserved_prefixes)) {
			buf_addf(&why, "uses '%s', a name of the test framework or the grader", name);
		} else if (!global && !undefined && !strchr(name, '.') &&
			   (has_prefix(name, reserved_prefixes) ||
			    (name[0] == '_' && (name[1] == '_' || isupper((unsigned char)name[1]))))) {
			/* Static too: the memory check leaves out what the harness's
			 * own functions allocate (bench_alloc, the C library's stdio
			 * buffer), by name; a static function of the submission's
			 * with such a name would hide its memory. (Names with a dot
			 * are the compiler's own, as __func__.0.) */
			buf_addf(&why, "defines '%s', a name reserved for the C library, the test framework or the grader, even as a static name; rename it",
				 name);
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
		*line = ln ? ln : definition_line(pre, file, name);
	}
out:
	spawn_result_release(&res);
	return why.len ? buf_detach(&why) : (buf_release(&why), NULL);
}

/* Copies the regular files of the topic's spec folder and the course's
 * API headers (bench.h, test_random.h, test_heap.h) into folder to. Returns 0 or -1. */
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
	/* The course's API headers: the drivers' and the tests' own. */
	static const char *const api[] = { "bench.h", "test_random.h", "test_heap.h", NULL };
	for (int i = 0; !ret && api[i]; i++) {
		char *from = path_join(harness, api[i]);
		char *dest = path_join(to, api[i]);
		ret = copy_file(from, dest);
		free(from);
		free(dest);
	}
	return ret;
}

/* An argument vector that grows: a spec may add any number of flags. */
struct args {
	const char **v;
	size_t nr, alloc;
};
#define ARGS_INIT { NULL, 0, 0 }

static void arg(struct args *a, const char *s)
{
	ALLOC_GROW(a->v, a->nr + 2, a->alloc);
	a->v[a->nr++] = s;
	a->v[a->nr] = NULL;
}

static void args_reset(struct args *a)
{
	a->nr = 0;
}

static void args_release(struct args *a)
{
	free(a->v);
	a->v = NULL;
	a->nr = a->alloc = 0;
}

/* How everything is compiled, the submission and the course's sources
 * alike, so line numbers and costs read the same. */
const char *const build_cc[] = { "gcc", "-std=gnu11", "-O1", "-g", "-fno-omit-frame-pointer",
				 "-fdiagnostics-plain-output", NULL };

static void arg_common(struct args *a, const struct spec_exercise *ex)
{
	for (int i = 0; build_cc[i]; i++)
		arg(a, build_cc[i]);
	/* The course's headers after the submission's own folder: a student's
	 * sort_util.h is found by #include "sort_util.h"; the exercise's
	 * header is never copied from the submission (see build_exercise). */
	arg(a, "-Icourse");
	for (size_t i = 0; i < ex->nr_cflags; i++)
		arg(a, ex->cflags[i]);
}

static void fail(struct build_result *out, char *reason)
{
	out->status = ST_FAIL;
	free(out->reason);
	out->reason = reason;
}

/* Not the student's fault: the build could not be made because the
 * grader or the machine failed (course_fault 0), or the course's own
 * files are broken (course_fault 1). */
static void cannot_build(struct build_result *out, int course_fault, char *reason)
{
	out->status = ST_ERROR;
	out->course_fault = course_fault;
	free(out->reason);
	out->reason = reason;
}

/* The first line of log that says "error", for a one-line reason. */
static char *first_error(const char *log)
{
	const char *e = strstr(log, ": error: ");
	if (!e)
		e = strstr(log, "undefined reference");
	if (!e)
		return xstrdup("see the build log");
	const char *start = e;
	while (start > log && start[-1] != '\n')
		start--;
	const char *eol = strchr(e, '\n');
	return xstrndup(start, eol ? (size_t)(eol - start) : strlen(start));
}

/* After a failed link: the symbol that the grader's runner (an object in
 * harness) needs and nothing defined, or NULL. The runner calls only
 * what the course's driver must define (bench.h), so such a hole is the
 * course's; a hole in the course's own objects is the submission's. */
static char *runner_hole(const char *log, const char *harness)
{
	int from_runner = 0;
	for (const char *line = log; line && *line;) {
		const char *eol = strchr(line, '\n');
		size_t len = eol ? (size_t)(eol - line) : strlen(line);
		const char *u;
		if (memmem(line, len, ": in function", 13))
			from_runner = memmem(line, len, harness, strlen(harness)) != NULL;
		else if (from_runner && (u = memmem(line, len, "undefined reference to `", 24))) {
			const char *name = u + 24, *end = memchr(name, '\'', len - (size_t)(name - line));
			if (end)
				return xstrndup(name, (size_t)(end - name));
		}
		line = eol ? eol + 1 : NULL;
	}
	return NULL;
}

/* One file of the submission, compiled on its own: the exercise's file,
 * or a helper file (sort_util.c) that the exercise may use. */
struct unit {
	char *file;        /* its name in the submission, and in dir */
	char *obj;         /* stem.o in dir */
	char *why;         /* why it may not be linked, or NULL */
	unsigned line;     /* where, when known */
	char *where;       /* the file of line when a header of the submission's, or NULL */
	char **defined, **undefined; /* its global names, once compiled */
	size_t nr_defined, nr_undefined;
	char **headers;    /* the submission's headers it includes */
	size_t nr_headers;
	int needed;
	int machine;       /* why is the machine's fault (a tool could not run), not the file's */
};

static void unit_release(struct unit *u)
{
	free(u->where);
	free(u->file);
	free(u->obj);
	free(u->why);
	for (size_t i = 0; i < u->nr_defined; i++)
		free(u->defined[i]);
	for (size_t i = 0; i < u->nr_undefined; i++)
		free(u->undefined[i]);
	for (size_t i = 0; i < u->nr_headers; i++)
		free(u->headers[i]);
	free(u->defined);
	free(u->undefined);
	free(u->headers);
}

/* The submission's headers (base names in list) that the preprocessed
 * text pre includes, directly or not, into u->headers. */
static void find_headers(struct unit *u, const char *pre, char *const *list, size_t nr)
{
	size_t alloc = 0;
	for (size_t k = 0; k < nr; k++) {
		char *marker = xasprintf("\"%s\"", list[k]);
		int found = 0;
		for (const char *p = strstr(pre, marker); p && !found; p = strstr(p + 1, marker)) {
			const char *bol = p;
			while (bol > pre && bol[-1] != '\n')
				bol--;
			found = *bol == '#';
		}
		if (found) {
			ALLOC_GROW(u->headers, u->nr_headers + 1, alloc);
			u->headers[u->nr_headers++] = xstrdup(list[k]);
		}
		free(marker);
	}
}

/* The global names obj defines and those it needs, from nm. */
static void read_names(struct unit *u)
{
	const char *argv[] = { "nm", "-P", "-g", u->obj, NULL };
	struct spawn sp = { SPAWN_HELPER, .argv = argv };
	struct spawn_result res = SPAWN_RESULT_INIT;
	size_t alloc_d = 0, alloc_u = 0;
	char *save = NULL;

	if (!spawn_run(&sp, &res) && !res.status) {
		for (char *t = strtok_r(res.out.buf, "\n", &save); t; t = strtok_r(NULL, "\n", &save)) {
			char name[512], type[4];
			if (sscanf(t, "%511s %3s", name, type) != 2)
				continue;
			if (!strcmp(type, "U") || !strcmp(type, "w") || !strcmp(type, "v")) {
				ALLOC_GROW(u->undefined, u->nr_undefined + 1, alloc_u);
				u->undefined[u->nr_undefined++] = xstrdup(name);
			} else {
				ALLOC_GROW(u->defined, u->nr_defined + 1, alloc_d);
				u->defined[u->nr_defined++] = xstrdup(name);
			}
		}
	}
	spawn_result_release(&res);
}

/* Compiles u (its file already in dir) and holds it to the rules of
 * graded code. Returns 0 when it may be linked; otherwise sets u->why and
 * u->line, with the compiler's words or a compiler-style line in log. */
/* The first line (from 1) of a line directive in the C source text (#line
 * 12 "x.c", or a GNU line marker # 12 "x.c" 1), or 0 when there is none.
 * Read as the preprocessor reads it: lines joined at a backslash-newline,
 * comments as spaces, %: for #, strings skipped. A line directive is the
 * only way source text can claim another file's name (macros cannot make
 * directives), and a claimed name would pass the submission's code off as
 * a system header's to every tool that names files. */
unsigned build_line_directive(const char *s)
{
	unsigned line = 1, at = 0;
	int start = 1;
	for (size_t i = 0; s[i];) {
		if (s[i] == '\\' && s[i + 1] == '\n') {
			i += 2;
			line++;
		} else if (s[i] == '/' && s[i + 1] == '*') {
			for (i += 2; s[i] && !(s[i] == '*' && s[i + 1] == '/'); i++)
				line += s[i] == '\n';
			i += s[i] ? 2 : 0;
		} else if (s[i] == '/' && s[i + 1] == '/') {
			while (s[i] && s[i] != '\n')
				i += s[i] == '\\' && s[i + 1] == '\n' ? (line++, 2) : 1;
		} else if (s[i] == '\n') {
			line++;
			i++;
			start = 1;
		} else if (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '\v' || s[i] == '\r') {
			i++;
		} else if (start && (s[i] == '#' || (s[i] == '%' && s[i + 1] == ':'))) {
			at = line;
			i += s[i] == '#' ? 1 : 2;
			/* the directive's name, past spaces, comments and joins */
			for (;;) {
				if (s[i] == ' ' || s[i] == '\t')
					i++;
				else if (s[i] == '\\' && s[i + 1] == '\n')
					i += 2, line++;
				else if (s[i] == '/' && s[i + 1] == '*') {
					for (i += 2; s[i] && !(s[i] == '*' && s[i + 1] == '/'); i++)
						line += s[i] == '\n';
					i += s[i] ? 2 : 0;
				} else
					break;
			}
			if (s[i] >= '0' && s[i] <= '9')
				return at;
			char word[8];
			size_t k = 0;
			while (k < sizeof(word) - 1 && (isalnum((unsigned char)s[i]) || s[i] == '_' ||
							(s[i] == '\\' && s[i + 1] == '\n'))) {
				if (s[i] == '\\') {
					i += 2;
					line++;
					continue;
				}
				word[k++] = s[i++];
			}
			word[k] = '\0';
			if (!strcmp(word, "line") && !isalnum((unsigned char)s[i]) && s[i] != '_')
				return at;
			start = 0;
		} else if (s[i] == '"' || s[i] == '\'') {
			char q = s[i++];
			while (s[i] && s[i] != q && s[i] != '\n') {
				if (s[i] == '\\' && s[i + 1])
					line += s[i + 1] == '\n', i++;
				i++;
			}
			i += s[i] == q;
			start = 0;
		} else {
			i++;
			start = 0;
		}
	}
	return 0;
}

/* The first of the submission files in dir (file, then headers) that
 * holds a line directive: 0, or its line with *which set. */
static unsigned line_directive_in(const char *dir, const char *file, char *const *headers, size_t nr,
				  const char **which)
{
	for (size_t k = 0; k <= nr; k++) {
		const char *name = k ? headers[k - 1] : file;
		char *path = path_join(dir, name);
		struct buf b = BUF_INIT;
		unsigned at = read_file(&b, path) ? 0 : build_line_directive(b.buf);
		buf_release(&b);
		free(path);
		if (at) {
			*which = name;
			return at;
		}
	}
	return 0;
}

/* Renames in obj, in dir, what the harness takes over (renames: exit()
 * and friends, and main, which becomes grader_student_main for the
 * exercise's own file, index 0, and grader_helper_main_<index> for a
 * helper's). Returns run_tool's result. */
static int rename_for_link(const char *obj, size_t index, const char *dir, const char **binds, struct buf *log)
{
	struct args a = ARGS_INIT;
	char *main_to = index ? xasprintf("main=grader_helper_main_%zu", index) : xstrdup("main=grader_student_main");
	arg(&a, "objcopy");
	for (int i = 0; renames[i]; i++) {
		arg(&a, "--redefine-sym");
		arg(&a, strncmp(renames[i], "main=", 5) ? renames[i] : main_to);
	}
	arg(&a, obj);
	int r = run_tool(a.v, dir, binds, log);
	args_release(&a);
	free(main_to);
	return r;
}

static int compile_unit(const struct spec_exercise *ex, struct unit *u, int index, const char *dir,
			const char **binds, char *const *headers, size_t nr_headers, struct buf *log)
{
	struct args a = ARGS_INIT;
	struct buf text = BUF_INIT;
	char *pre = xasprintf("%s.i", u->obj);
	char *pre_path = path_join(dir, pre);
	char *obj_path = path_join(dir, u->obj);
	unsigned main_line = 0;
	const char *rule;
	char *why;

	const char *which = NULL;
	unsigned directive = line_directive_in(dir, u->file, headers, nr_headers, &which);
	if (directive) {
		u->line = directive;
		if (strcmp(which, u->file))
			u->where = xstrdup(which);
		u->why = xstrdup("uses a line directive (#line, or a line marker such as # 1 \"x.h\" 1): graded code may not claim another file's name or lines");
		goto out;
	}
	arg_common(&a, ex);
	arg(&a, "-Wall");
	arg(&a, "-Wextra");
	arg(&a, "-c");
	arg(&a, u->file);
	arg(&a, "-o");
	arg(&a, u->obj);
	int r = run_tool(a.v, dir, binds, log);
	if (r) {
		u->machine = r < 0;
		u->why = r < 0 ? xasprintf("grader: cannot run the compiler on %s; install gcc (make deps) and grade again", u->file)
			       : xasprintf("%s does not compile", u->file);
		goto out;
	}
	/* The same compiler, preprocessing only: what macros expand to is
	 * what gets built. */
	args_reset(&a);
	arg_common(&a, ex);
	arg(&a, "-E");
	arg(&a, u->file);
	arg(&a, "-o");
	arg(&a, pre);
	int rp = run_tool(a.v, dir, binds, log);
	if (rp || read_file(&text, pre_path)) {
		/* A preprocessor that could not be started is the machine's
		 * fault; one that ran and failed (a preprocessed text past the
		 * size limit, say) is the submission's. */
		u->machine = rp < 0;
		u->why = rp < 0 ? xasprintf("grader: cannot run the preprocessor on %s; install gcc (make deps)", u->file)
				: xasprintf("cannot preprocess %s (its preprocessed text is too large, or the preprocessor failed)",
					    u->file);
		goto out;
	}
	unlink(pre_path);
	find_headers(u, text.buf, headers, nr_headers);
	if ((rule = source_policy(text.buf, u->file, &u->line, &u->where))) {
		u->why = xstrdup(rule);
		if (!strcmp(u->where, u->file)) {
			free(u->where);
			u->where = NULL;
		}
		goto out;
	}
	if ((rule = init_section(obj_path))) {
		u->line = 0;
		u->why = xasprintf("defines a constructor or destructor (code that runs outside the graded function: its object has a %s section)",
				   rule);
		goto out;
	}
	if ((why = symbol_policy(obj_path, u->file, text.buf, &u->line, &main_line))) {
		u->why = why;
		goto out;
	}
	/* Findings are the submission's when a frame names its files: every
	 * line of code in its object must name one of them, a course header
	 * or a system header. */
	char **own = build_own_files(dir, ex->name);
	int machine = 0;
	why = origin_line_table(obj_path, (const char *const *)own, &machine);
	strv_free(own);
	if (why) {
		u->line = 0;
		u->machine = machine;
		u->why = why;
		goto out;
	}
	if (main_line)
		buf_addf(log, "%s:%u:1: note: main() is ignored: the course's tests and benchmark call %s() themselves\n",
			 u->file, main_line, ex->name);
	int ro = rename_for_link(u->obj, (size_t)index, dir, binds, log);
	if (ro) {
		u->machine = ro < 0;
		u->why = ro < 0 ? xasprintf("grader: cannot run objcopy on %s; install binutils (make deps)", u->file)
				: xasprintf("cannot prepare %s for linking (objcopy refused its object)", u->file);
		goto out;
	}
	read_names(u);
out:
	args_release(&a);
	buf_release(&text);
	free(pre);
	free(pre_path);
	free(obj_path);
	return u->why ? -1 : 0;
}

/* Marks the helpers the exercise (units[0]) uses: those whose header a
 * used file includes (sort_util.h for sort_util.c), and those that define
 * a name a used file needs, until nothing more is found. */
static void mark_needed(struct unit *units, size_t nr)
{
	int more = 1;
	units[0].needed = 1;
	while (more) {
		more = 0;
		for (size_t i = 0; i < nr; i++) {
			if (!units[i].needed)
				continue;
			for (size_t k = 1; k < nr; k++) {
				struct unit *h = &units[k];
				size_t stem = strlen(h->file) - 2;
				for (size_t j = 0; j < units[i].nr_headers && !h->needed; j++)
					if (!strncmp(units[i].headers[j], h->file, stem) &&
					    !strcmp(units[i].headers[j] + stem, ".h"))
						h->needed = more = 1;
				for (size_t j = 0; j < units[i].nr_undefined && !h->needed; j++)
					for (size_t d = 0; d < h->nr_defined && !h->needed; d++)
						if (!strcmp(units[i].undefined[j], h->defined[d]))
							h->needed = more = 1;
			}
		}
	}
}

/* What the grader links: a driver of the course's with the submission's
 * objects and a runner of the grader's. */
struct link_target {
	const char *driver;   /* in the course folder, compiled alone into object */
	const char *object;   /* in dir */
	const char *output;   /* in dir */
	const char *runner;   /* object in the harness folder */
	const char *extra;    /* a second runner object, or NULL */
	int tests;            /* links Criterion */
};

static int link_target(const struct context *ctx, const struct spec_exercise *ex, const struct link_target *t,
		       const struct unit *units, size_t nr, const char *dir, const char **binds, struct buf *log)
{
	struct args a = ARGS_INIT;
	char *runner = path_join(ctx->harness_obj, t->runner);
	char *extra = t->extra ? path_join(ctx->harness_obj, t->extra) : NULL;
	char *crash = path_join(ctx->harness_obj, "crash.o");
	/* The system-call filter, loaded before any of the submission's code
	 * runs (in the tests, before each test's setup). */
	char *lockdown = path_join(ctx->harness_obj, "lockdown.o");
	/* The runners count the threads started (the link wraps the calls). */
	char *threads = t->tests ? NULL : path_join(ctx->harness_obj, "thread_count.o");

	arg_common(&a, ex);
	arg(&a, t->object);
	for (size_t i = 0; i < nr; i++)
		if (units[i].needed)
			arg(&a, units[i].obj);
	/* The course's private tests, when the spec names them: the same
	 * binary, told apart by the file each test records. */
	char **private_objs = xcalloc(ex->nr_private_tests + 1, sizeof(*private_objs));
	for (size_t i = 0; t->tests && i < ex->nr_private_tests; i++)
		arg(&a, private_objs[i] = xasprintf("private%zu.o", i));
	arg(&a, runner);
	if (extra)
		arg(&a, extra);
	arg(&a, crash);
	arg(&a, lockdown);
	if (threads)
		arg(&a, threads);
	arg(&a, t->tests ? BUILD_TESTS_WRAP : BUILD_RUNNER_WRAP);
	arg(&a, "-o");
	arg(&a, t->output);
	if (t->tests)
		arg(&a, "-lcriterion");
	for (size_t i = 0; i < ex->nr_libs; i++)
		arg(&a, ex->libs[i]);
	/* The C library as students use it: <math.h> is in libm. */
	arg(&a, "-lm");
	int r = run_tool(a.v, dir, binds, log);
	args_release(&a);
	for (size_t i = 0; i < ex->nr_private_tests; i++)
		free(private_objs[i]);
	free(private_objs);
	free(runner);
	free(extra);
	free(crash);
	free(lockdown);
	free(threads);
	return r;
}

/* Replaces every occurrence of from in b by to. */
static void replace_all(struct buf *b, const char *from, const char *to)
{
	struct buf o = BUF_INIT;
	size_t fl = strlen(from);
	const char *p = b->buf, *hit;
	if (!fl || !strstr(p, from))
		return;
	while ((hit = strstr(p, from))) {
		buf_add(&o, p, (size_t)(hit - p));
		buf_adds(&o, to);
		p = hit + fl;
	}
	buf_adds(&o, p);
	buf_release(b);
	*b = o;
}

/* Replaces "course/" where a path starts (not inside a longer word) by
 * the course's own folder, e.g. specs/10_streaming_io/. */
static void replace_course(struct buf *b, const char *to)
{
	struct buf o = BUF_INIT;
	const char *p = b->buf;
	for (size_t i = 0; p[i];) {
		if (!strncmp(p + i, "course/", 7) && (i == 0 || !(is_ident((unsigned char)p[i - 1]) ||
								   p[i - 1] == '/' || p[i - 1] == '.'))) {
			buf_adds(&o, to);
			i += 7;
		} else {
			buf_add(&o, p + i, 1);
			i++;
		}
	}
	buf_release(b);
	*b = o;
}

/* The spec folder as the course names it (specs/NN_topic/), or as given. */
static char *course_name(const struct context *ctx, const struct spec *spec)
{
	size_t rl = strlen(ctx->root);
	if (!strncmp(spec->dir, ctx->root, rl) && spec->dir[rl] == '/')
		return xasprintf("%s/", spec->dir + rl + 1);
	return xasprintf("%s/", spec->dir);
}

void build_scrub_paths(struct buf *log, const char *dir, const char *course, const char *harness_obj,
		       const char *scratch)
{
	char *d = xasprintf("%s/", dir);
	char *course_abs = xasprintf("%scourse/", d);
	char *harness = xasprintf("%s/", harness_obj);

	replace_all(log, course_abs, course);
	replace_all(log, d, "");
	replace_all(log, harness, "grader/harness/");
	replace_all(log, scratch, "(grader)");
	replace_course(log, course);
	free(d);
	free(course_abs);
	free(harness);
}

static void scrub_paths(const struct context *ctx, const struct spec *spec, const char *dir, struct buf *log)
{
	char *course = course_name(ctx, spec);
	build_scrub_paths(log, dir, course, ctx->harness_obj, ctx->scratch);
	free(course);
}

/* What every object compiled from the course depends on beyond its own
 * flags: the copy in dir/course (the course's folder and the runner's API
 * headers, nothing of the submission's) and the toolchain. NULL when the
 * object store is off. Read once per exercise. Caller frees. */
static char *course_material(const struct context *ctx, const char *dir)
{
	if (!ctx->cache_dir)
		return NULL;
	struct buf m = BUF_INIT;
	char *course = path_join(dir, "course");
	buf_adds(&m, "course object 1\n");
	objcache_add_toolchain(&m);
	objcache_add_folder(&m, course);
	free(course);
	return buf_detach(&m);
}

/* Compiles the course's file (in the build folder's course copy) into obj,
 * alone: a file that does not compile is the course's fault, whatever the
 * submission holds (exit 2, the file named by its place in the course).
 * Returns 0, or -1 with out set. */
static int compile_course_file(const struct context *ctx, const struct spec *spec,
			       const struct spec_exercise *ex, const char *dir, const char **binds,
			       const char *course_material, const char *file, const char *obj, const char *what,
			       struct buf *log, struct build_result *out)
{
	struct args a = ARGS_INIT;
	struct buf own = BUF_INIT;
	char *src = path_join("course", file);
	char *store = course_material ? object_store(ctx) : NULL;
	const char *made[] = { obj, NULL };
	struct buf material = BUF_INIT;

	arg_common(&a, ex);
	arg(&a, "-c");
	arg(&a, src);
	arg(&a, "-o");
	arg(&a, obj);
	/* Compiled once per version of the course and the toolchain
	 * (course_material) and of the flags. */
	if (store) {
		buf_adds(&material, course_material);
		for (size_t i = 0; a.v[i]; i++)
			buf_addf(&material, "%s\n", a.v[i]);
		if (!objcache_get(store, material.buf, made, dir)) {
			free(store);
			buf_release(&material);
			args_release(&a);
			free(src);
			return 0;
		}
	}
	int r = run_tool(a.v, dir, binds, &own);
	if (!r && store)
		objcache_put(store, material.buf, made, dir);
	free(store);
	buf_release(&material);
	if (r) {
		scrub_paths(ctx, spec, dir, &own);
		buf_add(log, own.buf, own.len);
		char *shown = course_name(ctx, spec), *first = first_error(own.buf);
		if (r < 0)
			cannot_build(out, 0, xasprintf("grader: cannot run the compiler on the course's %s %s%s: %s; install gcc (make deps) and grade again",
						       what, shown, file, first));
		else
			cannot_build(out, 1, xasprintf("the course's %s %s%s does not compile: the course's fault, not yours (tell your instructor; grader lint shows it): %s",
						       what, shown, file, first));
		free(first);
		free(shown);
	}
	buf_release(&own);
	args_release(&a);
	free(src);
	return r ? -1 : 0;
}

/* The tests a second time, the submission's files compiled with
 * AddressSanitizer and UBSan (tests-san, for memory.tests: memtests.c):
 * the same sources that passed the rules above, the same renames. Returns
 * 0, or -1 when it does not build (then memcheck does that work alone). */
static int build_sanitized(const struct context *ctx, const struct spec_exercise *ex, const struct unit *units,
			   size_t nr, const char *dir, const char **binds)
{
	static const char *const flags[] = { "-fsanitize=address,undefined", "-fno-sanitize-recover=all", NULL };
	struct args a = ARGS_INIT;
	struct buf log = BUF_INIT;
	char **objs = xcalloc(nr + 1, sizeof(*objs));
	int ret = 0;

	for (size_t i = 0; i < nr && !ret; i++) {
		if (!units[i].needed)
			continue;
		objs[i] = xasprintf("%.*s.san.o", (int)(strlen(units[i].obj) - 2), units[i].obj);
		args_reset(&a);
		arg_common(&a, ex);
		for (int f = 0; flags[f]; f++)
			arg(&a, flags[f]);
		arg(&a, "-c");
		arg(&a, units[i].file);
		arg(&a, "-o");
		arg(&a, objs[i]);
		if (run_tool(a.v, dir, binds, &log)) {
			ret = -1;
			break;
		}
		ret = rename_for_link(objs[i], i, dir, binds, &log) ? -1 : 0;
	}
	char **privates = xcalloc(ex->nr_private_tests + 1, sizeof(*privates));
	if (!ret) {
		char *hooks = path_join(ctx->harness_obj, "cr_hooks_san.o");
		char *san = path_join(ctx->harness_obj, "san_hooks.o");
		char *crash = path_join(ctx->harness_obj, "crash.o");
		char *lockdown = path_join(ctx->harness_obj, "lockdown.o");
		char *threads = path_join(ctx->harness_obj, "thread_count.o");
		args_reset(&a);
		arg_common(&a, ex);
		arg(&a, flags[0]);
		arg(&a, "tests.o");
		for (size_t i = 0; i < ex->nr_private_tests; i++)
			arg(&a, privates[i] = xasprintf("private%zu.o", i));
		for (size_t i = 0; i < nr; i++)
			if (objs[i])
				arg(&a, objs[i]);
		arg(&a, hooks);
		arg(&a, san);
		arg(&a, crash);
		arg(&a, lockdown);
		arg(&a, threads);
		arg(&a, BUILD_TESTS_WRAP ",--wrap=criterion_internal_test_teardown");
		arg(&a, BUILD_RUNNER_WRAP); /* threads counted: thread_count.o */
		arg(&a, "-o");
		arg(&a, "tests-san");
		arg(&a, "-lcriterion");
		for (size_t i = 0; i < ex->nr_libs; i++)
			arg(&a, ex->libs[i]);
		arg(&a, "-lm");
		ret = run_tool(a.v, dir, binds, &log) ? -1 : 0;
		free(hooks);
		free(san);
		free(crash);
		free(lockdown);
		free(threads);
	}
	for (size_t i = 0; i < ex->nr_private_tests; i++)
		free(privates[i]);
	free(privates);
	for (size_t i = 0; i <= nr; i++)
		free(objs[i]);
	free(objs);
	args_release(&a);
	buf_release(&log);
	return ret;
}

static int is_c_file(const char *name)
{
	size_t l = strlen(name);
	return l > 2 && !strcmp(name + l - 2, ".c");
}

static int is_h_file(const char *name)
{
	size_t l = strlen(name);
	return l > 2 && !strcmp(name + l - 2, ".h");
}

char **build_own_files(const char *dir, const char *exercise)
{
	char **v = xcalloc(2, sizeof(*v));
	size_t nr = 1, alloc = 2;
	DIR *d = opendir(dir);
	struct dirent *e;

	v[0] = xasprintf("%s.c", exercise);
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, v[0]) ||
		    !(is_c_file(e->d_name) || is_h_file(e->d_name)))
			continue;
		ALLOC_GROW(v, nr + 2, alloc);
		v[nr++] = xstrdup(e->d_name);
		v[nr] = NULL;
	}
	if (d)
		closedir(d);
	return v;
}

int build_exercise(const struct context *ctx, const struct spec *spec,
		   const struct spec_exercise *ex, const char *source, const char *const *helpers,
		   const char *dir, struct build_result *out)
{
	char *file = xasprintf("%s.c", ex->name);
	char *harness_src = path_join(ctx->root, "grader/harness");
	char *course = path_join(dir, "course");
	const char *binds[] = { ctx->harness_obj, NULL };
	struct buf log = BUF_INIT;
	struct unit *units = NULL;
	char **headers = NULL, *material = NULL;
	size_t nr = 0, alloc = 0, nr_headers = 0, alloc_h = 0;
	int ret = -1;

	out->status = ST_PASS;
	char *store = object_store(ctx);
	load_library_names(store, ctx->scratch);
	free(store);
	/* The compiler runs as an unprivileged user, who may not be able to
	 * read a course kept in a private home folder: it gets a copy. */
	if (copy_course(spec->dir, harness_src, course)) {
		cannot_build(out, 0, xasprintf("grader: cannot copy the course's files from %s into the scratch folder %s: %s; check that both can be read and written",
					       spec->dir, dir, strerror(errno)));
		goto out;
	}
	/* The submission's files, each under its own name, beside nothing of
	 * the course's: its headers are found by #include "sort_util.h",
	 * except one named like a course header (has_duplicates.h, bench.h),
	 * which would replace the signature the tests are built against. */
	for (size_t i = 0; helpers && helpers[i]; i++) {
		const char *name = base_name(helpers[i]);
		char *theirs = path_join(course, name);
		char *copy = path_join(dir, name);
		int course_has = file_exists(theirs);
		if (!course_has && (is_c_file(name) || is_h_file(name)) && copy_file(helpers[i], copy) == 0) {
			if (is_h_file(name)) {
				ALLOC_GROW(headers, nr_headers + 1, alloc_h);
				headers[nr_headers++] = xstrdup(name);
			}
		}
		free(theirs);
		free(copy);
	}
	ALLOC_GROW(units, nr + 1, alloc);
	memset(&units[nr], 0, sizeof(*units));
	units[nr].file = xstrdup(file);
	units[nr].obj = xasprintf("%s.o", ex->name);
	nr++;
	for (size_t i = 0; helpers && helpers[i]; i++) {
		const char *name = base_name(helpers[i]);
		char *copy = path_join(dir, name);
		if (is_c_file(name) && strcmp(name, file) && file_exists(copy)) {
			ALLOC_GROW(units, nr + 1, alloc);
			memset(&units[nr], 0, sizeof(*units));
			units[nr].file = xstrdup(name);
			units[nr].obj = xasprintf("%.*s.helper.o", (int)(strlen(name) - 2), name);
			nr++;
		}
		free(copy);
	}
	{
		struct buf src = BUF_INIT;
		char *copy = path_join(dir, file);
		int bad = !source || read_file(&src, source);
		if (bad)
			fail(out, xasprintf("%s is missing from the submission", file));
		else if (write_file(copy, src.buf, src.len))
			cannot_build(out, 0, xasprintf("grader: cannot copy %s into the scratch folder %s: %s", file, dir,
						       strerror(errno)));
		buf_release(&src);
		free(copy);
		if (out->status != ST_PASS)
			goto out;
	}

	if (compile_unit(ex, &units[0], 0, dir, binds, headers, nr_headers, &log)) {
		if (units[0].machine) {
			cannot_build(out, 0, xstrdup(units[0].why));
		} else if (units[0].line) {
			const char *at = units[0].where ? units[0].where : file;
			fail(out, xasprintf("%s:%u: %s", at, units[0].line, units[0].why));
			buf_addf(&log, "%s:%u:1: error: %s\n", at, units[0].line, units[0].why);
		} else if (!strncmp(units[0].why, file, strlen(file)) || !strncmp(units[0].why, "cannot", 6)) {
			fail(out, xstrdup(units[0].why));
		} else {
			fail(out, xasprintf("%s %s", file, units[0].why));
		}
		goto out;
	}
	/* Each helper is built like the exercise's file; its messages count
	 * only when the exercise uses it. */
	struct buf *helper_logs = xcalloc(nr, sizeof(*helper_logs));
	for (size_t i = 1; i < nr; i++) {
		helper_logs[i] = (struct buf)BUF_INIT;
		compile_unit(ex, &units[i], (int)i, dir, binds, headers, nr_headers, &helper_logs[i]);
	}
	mark_needed(units, nr);
	for (size_t i = 1; i < nr; i++) {
		struct unit *h = &units[i];
		if (h->needed) {
			buf_add(&log, helper_logs[i].buf, helper_logs[i].len);
			if (h->why && out->status == ST_PASS) {
				if (h->machine) {
					cannot_build(out, 0, xstrdup(h->why));
				} else if (h->line) {
					const char *at = h->where ? h->where : h->file;
					buf_addf(&log, "%s:%u:1: error: %s\n", at, h->line, h->why);
					fail(out, xasprintf("%s:%u: %s (%s uses %s)", at, h->line, h->why, file, h->file));
				} else if (!strncmp(h->why, h->file, strlen(h->file)) || !strncmp(h->why, "cannot", 6)) {
					fail(out, xasprintf("%s, and %s uses it", h->why, file));
				} else {
					fail(out, xasprintf("%s %s (%s uses it)", h->file, h->why, file));
				}
			}
		}
		buf_release(&helper_logs[i]);
	}
	free(helper_logs);
	if (out->status != ST_PASS)
		goto out;

	/* The course's tests, linked with the submission and the hooks; the
	 * benchmark runner, and a second one when the memory check has a
	 * driver of its own (one that exposes memory at a size the growth
	 * ladder could not afford under memcheck); a third that counts the
	 * heap natively when the memory check fits space. */
	struct link_target targets[4];
	size_t nr_targets = 0;
	if (ex->test_file)
		targets[nr_targets++] = (struct link_target){ ex->test_file, "tests.o", "tests", "cr_hooks.o", NULL, 1 };
	if (ex->bench_file)
		targets[nr_targets++] = (struct link_target){ ex->bench_file, "bench.o", "bench", "bench_main.o", NULL, 0 };
	if (ex->memory_bench && !(ex->bench_file && !strcmp(ex->memory_bench, ex->bench_file)))
		targets[nr_targets++] = (struct link_target){ ex->memory_bench, "bench-memory.o", "bench-memory",
							      "bench_main.o", NULL, 0 };
	if (ex->bench_file && ex->has_space)
		targets[nr_targets++] = (struct link_target){ ex->bench_file, "bench.o", "bench-heap", "bench_main.o",
							      "heap_count.o", 0 };
	material = course_material(ctx, dir);
	for (size_t i = 0; ex->test_file && i < ex->nr_private_tests; i++) {
		char *obj = xasprintf("private%zu.o", i);
		int bad = compile_course_file(ctx, spec, ex, dir, binds, material, ex->private_tests[i], obj,
					      "private test file", &log, out);
		free(obj);
		if (bad)
			goto out;
	}
	for (size_t t = 0; t < nr_targets; t++) {
		if (strcmp(targets[t].output, "bench-heap") &&
		    compile_course_file(ctx, spec, ex, dir, binds, material, targets[t].driver, targets[t].object,
					targets[t].tests ? "test file" : "benchmark driver", &log, out))
			goto out;
	}
	for (size_t t = 0; t < nr_targets; t++) {
		struct buf own = BUF_INIT;
		int r = link_target(ctx, ex, &targets[t], units, nr, dir, binds, &own);
		char *hole = r > 0 ? runner_hole(own.buf, ctx->harness_obj) : NULL;
		buf_add(&log, own.buf, own.len);
		buf_release(&own);
		if (r < 0) {
			cannot_build(out, 0, xasprintf("grader: cannot run the linker for %s; install gcc (make deps) and grade again",
						       file));
		} else if (hole) {
			char *shown = course_name(ctx, spec);
			cannot_build(out, 1, xasprintf("the course's benchmark driver %s%s does not define %s(), which the grader's runner calls (grader/harness/bench.h): the course's fault, not yours (tell your instructor; grader lint shows it)",
						       shown, targets[t].driver, hole));
			free(shown);
		} else if (r) {
			fail(out, targets[t].tests
				? xasprintf("%s compiles but does not link with the course's tests", file)
				: xasprintf("%s compiles but does not link with the course's benchmark driver %s", file,
					    targets[t].driver));
		}
		free(hole);
		if (r)
			goto out;
	}
	/* A sanitizer build that fails leaves memcheck to do the work alone. */
	if (ex->memcheck_tests && ex->test_file)
		build_sanitized(ctx, ex, units, nr, dir, binds);
	ret = 0;
out:
	scrub_paths(ctx, spec, dir, &log);
	out->log = buf_detach(&log);
	out->nr_diags = build_parse_diagnostics(out->log, file, &out->diags);
	for (size_t i = 1; i < nr; i++) {
		struct diagnostic *more = NULL;
		size_t k = units[i].needed ? build_parse_diagnostics(out->log, units[i].file, &more) : 0;
		if (k) {
			out->diags = xrealloc(out->diags, (out->nr_diags + k) * sizeof(*out->diags));
			memcpy(out->diags + out->nr_diags, more, k * sizeof(*more));
			out->nr_diags += k;
		}
		if (units[i].needed)
			free(more);
	}
	for (size_t i = 0; i < nr; i++)
		unit_release(&units[i]);
	for (size_t i = 0; i < nr_headers; i++)
		free(headers[i]);
	free(headers);
	free(units);
	free(material);
	free(file);
	free(harness_src);
	free(course);
	return ret;
}
