/* memory.c - peak heap and stack against budgets; leaks and invalid accesses */
#include "memory.h"

#include <dirent.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "expr.h"
#include "harness/protocol.h"
#include "valgrind/channel.h"
#include "valgrind/massif.h"
#include "valgrind/memcheck.h"
#include "memtests.h"
#include "spawn.h"
#include "util.h"

/* One run at the memory size: a function that needs longer is reported
 * as not finishing (the complexity check says how it grows). */
#define VALGRIND_TIMEOUT 30

/* give_fds: channels' descriptors for the child (valgrind/channel.h), or
 * NULL. */
static int run_in(const char *dir, const char **argv, const char *build_dir, double timeout,
		  const int *give_fds, struct spawn_result *res)
{
	const char *binds[] = { build_dir, NULL };
	struct spawn sp = {
		SPAWN_UNDER_TOOL, .argv = argv, .cwd = dir, .ro_binds = binds, .timeout = timeout,
		.give_fds = give_fds, .nofile = give_fds ? channel_nofile() : 0,
	};
	mkdir(dir, 0755);
	spawn_prepare_dir(dir);
	return spawn_run(&sp, res);
}

/* Why a run ended early, in a student's words, or NULL. A crash is a
 * fault of the submission; running out of time is not a finding about
 * memory (the machine may be busy; the complexity check says how it grows),
 * so it is only counted, to make the verdict inconclusive. */
static char *ended_early(const struct spawn_result *res, const char *fn, const char *tool, size_t n,
			 struct memory_result *out)
{
	if (res->exec_failed) {
		out->cannot_run++;
		return xasprintf("grader: cannot run %s: %s", tool, res->out.buf);
	}
	if (res->timed_out) {
		out->timeouts++;
		return xasprintf("%s did not finish at n = %zu under %s in time", fn, n, tool);
	}
	if (res->status == PROTOCOL_EXIT_ENDED) {
		out->faults++;
		return xasprintf("%s ended the program (exit or abort) at n = %zu", fn, n);
	}
	if (res->signal || res->status > 128) {
		out->faults++;
		return xasprintf("%s crashed at n = %zu under %s: %s", fn, n, tool,
				 strsignal(res->signal ? res->signal : res->status - 128));
	}
	return NULL;
}

static void add_reason(struct buf *why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add_reason(struct buf *why, const char *fmt, ...)
{
	va_list ap;
	if (why->len)
		buf_adds(why, "; ");
	va_start(ap, fmt);
	buf_vaddf(why, fmt, ap);
	va_end(ap);
}

/* Output that could not be trusted or read: never a pass, and not the
 * submission's fault either. */
static void measurement_error(struct memory_result *out, struct buf *why, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void measurement_error(struct memory_result *out, struct buf *why, const char *fmt, ...)
{
	va_list ap;
	out->measurement_errors++;
	if (why->len)
		buf_adds(why, "; ");
	buf_adds(why, "measurement error: ");
	va_start(ap, fmt);
	buf_vaddf(why, fmt, ap);
	va_end(ap);
}

/* Runs one valgrind tool (argv, argv[0] "valgrind") in dir with its output
 * on a channel the code under test cannot reach (valgrind/channel.h):
 * --log-fd on a socket for a log (memcheck, helgrind), or, for massif,
 * --massif-out-file on a pipe, which the reader (massif_parse) takes only
 * as one whole profile. A log must be valgrind's lines of one process (the
 * code under test's own processes, when it makes any, are its own faults).
 * Fills text. Why a run ended early, or wrote nothing usable, goes to why.
 * Returns 0 when text holds the output; with partial_ok a run that ended
 * early is still read (memcheck's log names the access that crashed it). */
static int run_tool(const struct spec_exercise *ex, const char **argv, const char *build_dir,
		    const char *dir, const char *tool, enum channel_kind kind, int partial_ok,
		    struct buf *text, struct memory_result *out, struct buf *why)
{
	struct spawn_result res = SPAWN_RESULT_INIT;
	struct channel ch = CHANNEL_INIT;
	struct channel *chs[] = { &ch };
	int fds[3];
	const char *args[64];
	char *opt = NULL, *err = NULL;
	int ret = -1;

	if (channel_open(&ch, kind, 0, NULL, NULL)) {
		measurement_error(out, why, "cannot make a channel for %s", tool);
		return -1;
	}
	opt = kind == CHANNEL_SOCKET ? xstrdup(ch.log_arg) : xasprintf("--%s-out-file=%s", tool, ch.path);
	size_t n = 0;
	args[n++] = argv[0];
	args[n++] = opt;
	for (size_t i = 1; argv[i] && n < 63; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	channel_fds(chs, 1, fds);
	run_in(dir, args, build_dir, VALGRIND_TIMEOUT, fds, &res);
	channel_finish(&ch);

	char *early = ended_early(&res, ex->subject, tool, out->n, out);
	if (early && !partial_ok) {
		; /* nothing to read */
	} else if (ch.overflow) {
		measurement_error(out, why, "%s wrote more than the grader keeps", tool);
	} else if (!ch.data.len) {
		if (!early)
			measurement_error(out, why, "%s wrote nothing", tool);
	} else if (kind == CHANNEL_SOCKET) {
		struct channel_log *logs;
		size_t nr;
		if (channel_log_split(ch.data.buf, ch.data.len, 64, &logs, &nr, &err)) {
			if (!early) /* a crash may cut the last line */
				measurement_error(out, why, "%s's log is not valgrind's (%s)", tool, err);
		} else {
			channel_logs_free(logs, nr);
			buf_add(text, ch.data.buf, ch.data.len);
			ret = 0;
		}
	} else {
		buf_add(text, ch.data.buf, ch.data.len);
		ret = 0;
	}
	if (early)
		add_reason(why, "%s", early);
	free(early);
	free(err);
	free(opt);
	channel_release(&ch);
	spawn_result_release(&res);
	return ret;
}

/* Resident memory the heap does not explain, below which nothing is
 * charged: the allocator's own pages, page rounding, the stack. */
#define RSS_SLACK ((long long)4 << 20)

/* " (with 512.0 MiB of static data)", " (with 64.0 MiB from outside malloc:
 * mmap or pages it touched)", or "". */
static const char *static_note(const struct memory_result *out)
{
	static __thread char note[160];
	note[0] = '\0';
	/* A few static variables are counted, not worth a word. */
	if (out->static_bytes >= 4096)
		snprintf(note, sizeof(note), " (with %s of static data)", memory_human(out->static_bytes));
	if (out->outside_bytes > 0)
		snprintf(note + strlen(note), sizeof(note) - strlen(note),
			 " (with %s from outside malloc: memory the call mapped or touched, measured as resident memory)",
			 memory_human(out->outside_bytes));
	return note;
}

/* Whether a finding placed at where is the submission's: in the
 * exercise's file or any of its helpers (build_own_files). */
static int own_place(char **own, const struct location *where)
{
	return where->file && name_listed((const char *const *)own, where->file, strlen(where->file));
}

/* Bytes of static data (.data, .bss and their thread-local kinds) in the
 * submission's objects in build_dir: the exercise's and its helpers'. A
 * static array is memory the function uses as surely as the heap. */
static long long static_bytes(const struct spec_exercise *ex, const char *build_dir)
{
	long long total = 0;
	DIR *d = opendir(build_dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		size_t l = strlen(e->d_name), nl = strlen(ex->name);
		int mine = (!strncmp(e->d_name, ex->name, nl) && !strcmp(e->d_name + nl, ".o")) ||
			   (l > 9 && !strcmp(e->d_name + l - 9, ".helper.o"));
		if (!mine)
			continue;
		char *obj = path_join(build_dir, e->d_name);
		const char *argv[] = { "size", "-A", "-d", obj, NULL };
		struct spawn sp = { SPAWN_HELPER, .argv = argv };
		struct spawn_result res = SPAWN_RESULT_INIT;
		if (!spawn_run(&sp, &res) && !res.status) {
			char *save = NULL;
			for (char *line = strtok_r(res.out.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
				char sect[64];
				long long size;
				if (sscanf(line, "%63s %lld", sect, &size) == 2 &&
				    (!strncmp(sect, ".data", 5) || !strncmp(sect, ".bss", 4) ||
				     !strncmp(sect, ".tdata", 6) || !strncmp(sect, ".tbss", 5)))
					total += size;
			}
		}
		spawn_result_release(&res);
		free(obj);
	}
	if (d)
		closedir(d);
	return total;
}

/* The runner's option for the spec's seed, as the growth check passes
 * it: the same inputs, and the same jitter of the size. Lives until the
 * next call in the same thread. */
static const char *seed_arg(const struct spec_exercise *ex)
{
	static __thread char arg[40];
	snprintf(arg, sizeof(arg), "--seed=%llu", (unsigned long long)ex->seed);
	return arg;
}

/* The runner's option for the input family measured: "--family=K". Lives
 * until the next call in the same thread. */
static const char *family_arg(const struct memory_result *out)
{
	static __thread char arg[32];
	snprintf(arg, sizeof(arg), "--family=%u", out->family);
	return arg;
}

/* A wrong answer in a memory run (the runner's "wrong N WHAT" record) of
 * code whose tests all pass: it behaves otherwise when measured, and the
 * memory measured is not that of its work. A fault, named. (Code the
 * tests found wrong earns no memory points anyway; its memory verdict
 * stays about memory.) */
static void wrong_answer(const struct spec_exercise *ex, const char *dir, const char *tool,
			 struct memory_result *out, struct buf *why)
{
	if (out->tests_failed)
		return;
	char *path = path_join(dir, "bench.out");
	struct buf text = BUF_INIT;
	const char *w = read_file(&text, path) ? NULL : strstr(text.buf, "wrong ");
	if (w && (w == text.buf || w[-1] == '\n')) {
		char *end;
		unsigned long long n = strtoull(w + 6, &end, 10);
		while (*end == ' ')
			end++;
		size_t len = strcspn(end, "\n");
		out->faults++;
		add_reason(why, "%s gave a wrong answer at n = %llu under %s (%.*s): memory is measured on right answers only",
			   ex->subject, n, tool, (int)(len > 200 ? 200 : len), end);
	}
	buf_release(&text);
	free(path);
}

static void run_massif(const struct spec_exercise *ex, const char *bench, const char *build_dir,
		       const char *dir, const char *sizes, struct memory_result *out, struct buf *why)
{
	/* The harness's input allocators and the C library's stdio buffer
	 * (allocated on the first printf: not the student's data) are left
	 * out by name; no name of these may be defined by a submission, even
	 * static (build.c). Only the peak is detailed, and trees are cut at a
	 * depth: a deep recursion cannot make the profile huge. */
	const char *argv[] = { "valgrind", "--tool=massif", "--ignore-fn=bench_alloc", "--ignore-fn=bench_calloc",
			       "--ignore-fn=_IO_file_doallocate", "--threshold=0.0", "--peak-inaccuracy=0.0",
			       "--detailed-freq=1000000", "--depth=24", "--max-snapshots=100", "--vgdb=no", "-q",
			       bench, "--mode=once", sizes, family_arg(out), seed_arg(ex), "--out=bench.out", NULL };
	struct buf text = BUF_INIT;
	char **own = build_own_files(build_dir, ex->name);

	int ran = !run_tool(ex, argv, build_dir, dir, "massif", CHANNEL_PIPE, 0, &text, out, why);
	wrong_answer(ex, dir, "massif", out, why);
	if (ran) {
		struct massif_peak peak;
		char *err = NULL;
		memset(&peak, 0, sizeof(peak));
		if (massif_parse(text.buf, text.len, (const char *const *)own, &peak, &err)) {
			/* one whole profile, or what came is not massif's alone */
			measurement_error(out, why, "cannot read massif's profile: %s", err ? err : "?");
		} else {
			out->peak_heap = peak.heap_bytes;
			if (peak.site.file) {
				out->peak_site.file = xstrdup(peak.site.file);
				out->peak_site.line = peak.site.line;
				out->peak_site_bytes = peak.site_bytes;
			}
		}
		free(err);
		massif_release(&peak);
	}
	buf_release(&text);
	strv_free(own);
}

static void run_memcheck(const struct spec_exercise *ex, const char *bench, const char *build_dir,
			 const char *dir, const char *sizes, struct memory_result *out, struct buf *why)
{
	/* Still reachable too: memory the submission's code keeps after the
	 * call returns (a copy hoarded on a static list) is lost to a caller
	 * that calls it again, whatever pointer still holds it. */
	const char *argv[] = { "valgrind", "--tool=memcheck", "--leak-check=full",
			       "--show-leak-kinds=definite,indirect,possible,reachable",
			       "--errors-for-leak-kinds=definite,indirect", "--track-origins=yes",
			       "--num-callers=20", "--vgdb=no", bench,
			       "--mode=once", sizes, family_arg(out), seed_arg(ex), "--out=bench.out", NULL };
	struct buf text = BUF_INIT;
	char **own = build_own_files(build_dir, ex->name);

	if (!run_tool(ex, argv, build_dir, dir, "memcheck", CHANNEL_SOCKET, 1, &text, out, why)) {
		struct memcheck_report rep;
		memset(&rep, 0, sizeof(rep));
		if (!memcheck_parse(text.buf, text.len, (const char *const *)own, &rep)) {
			/* Only what the student's code allocated: a crash leaves
			 * the driver's input unfreed, which is not a leak of theirs. */
			out->leaked_bytes = 0;
			/* A call that crashed could not free what it held: what is
			 * still reachable then is no finding. */
			size_t kept = 0;
			for (size_t i = 0; i < rep.nr_leaks; i++) {
				if (rep.fatal_signal && !strcmp(rep.leaks[i].kind, "still reachable")) {
					free(rep.leaks[i].kind);
					free(rep.leaks[i].where.file);
					free(rep.leaks[i].test);
					continue;
				}
				rep.leaks[kept++] = rep.leaks[i];
			}
			rep.nr_leaks = kept;
			for (size_t i = 0; i < rep.nr_leaks; i++)
				if (own_place(own, &rep.leaks[i].where))
					out->leaked_bytes += (long long)rep.leaks[i].bytes;
			for (size_t i = 0; i < rep.nr_errors; i++)
				rep.errors[i].count = rep.error_counts ? rep.error_counts[i] : 1;
			out->leaks = rep.leaks;
			out->nr_leaks = rep.nr_leaks;
			out->errors = rep.errors;
			out->nr_errors = rep.nr_errors;
			rep.leaks = NULL;
			rep.errors = NULL;
			rep.nr_leaks = rep.nr_errors = 0;
		}
		memcheck_release(&rep);
	}
	buf_release(&text);
	strv_free(own);
}

static size_t read_sizes(const char *path, size_t *n, long long *v, size_t max);

/* Peak stack natively, at n/4 and at n: how it grows tells a recursion
 * whose depth follows n from a large but fixed frame. */
static void run_stack(const struct spec_exercise *ex, const char *bench, const char *build_dir,
		      const char *dir, struct memory_result *out, struct buf *why)
{
	size_t quarter = ex->memory_size / 4 ? ex->memory_size / 4 : 1;
	char *sizes = xasprintf("--sizes=%zu,%zu", quarter, ex->memory_size);
	const char *argv[] = { bench, "--mode=stack", sizes, family_arg(out), seed_arg(ex), "--out=bench.out", NULL };
	struct spawn_result res = SPAWN_RESULT_INIT;
	struct buf text = BUF_INIT;
	char *path = path_join(dir, "bench.out");
	char *early;
	size_t sn[2];
	long long sv[2];

	run_in(dir, argv, build_dir, 60, NULL, &res);
	if ((early = ended_early(&res, ex->subject, "the stack meter", out->n, out))) {
		add_reason(why, "%s", early);
		free(early);
	} else if (read_sizes(path, sn, sv, 2) == 2) {
		out->peak_stack = sv[1];
		out->stack_small_n = sn[0];
		out->stack_small = sv[0];
	} else {
		add_reason(why, "the stack meter reported nothing");
	}
	spawn_result_release(&res);
	buf_release(&text);
	free(path);
	free(sizes);
}

/* The resident memory bench_run adds, natively (bench_main.c, rss mode),
 * or -1 when it could not be read: the second meter, which sees memory
 * that massif's heap cannot (mmap, static arrays, pages of any kind). */
static long long run_rss(const struct spec_exercise *ex, const char *bench, const char *build_dir,
			 const char *dir, const struct memory_result *out)
{
	char *sizes = xasprintf("--sizes=%zu", ex->memory_size);
	const char *argv[] = { bench, "--mode=rss", sizes, family_arg(out), seed_arg(ex), "--out=bench.out", NULL };
	struct spawn_result res = SPAWN_RESULT_INIT;
	char *path = path_join(dir, "bench.out");
	size_t sn[1];
	long long sv[1] = { -1 };

	run_in(dir, argv, build_dir, 60, NULL, &res);
	if (res.exec_failed || res.timed_out || res.signal || res.status || read_sizes(path, sn, sv, 1) != 1)
		sv[0] = -1;
	spawn_result_release(&res);
	free(path);
	free(sizes);
	return sv[0];
}

/* helgrind on the same input: a data race is a fault of the memory model
 * even when the tests happen to pass. */
static void run_helgrind(const struct spec_exercise *ex, const char *bench, const char *build_dir,
			 const char *dir, const char *sizes, struct memory_result *out, struct buf *why)
{
	const char *argv[] = { "valgrind", "--tool=helgrind", "--vgdb=no",
			       "--num-callers=20", bench, "--mode=once", sizes, family_arg(out), seed_arg(ex), "--out=bench.out", NULL };
	struct buf text = BUF_INIT;
	char *file = xasprintf("%s.c", ex->name);

	if (!run_tool(ex, argv, build_dir, dir, "helgrind", CHANNEL_SOCKET, 0, &text, out, why)) {
		/* Each race is "Possible data race during write of size 8 at
		 * 0x...", then its stack: name the first frame in the
		 * student's file. */
		size_t races = 0;
		const char *first = NULL;
		for (const char *p = strstr(text.buf, "Possible data race"); p;
		     p = strstr(p + 1, "Possible data race")) {
			if (!races++)
				first = p;
		}
		if (races) {
			out->faults++;
			char what[128] = "a data race";
			const char *eol = strchr(first, '\n');
			size_t len = eol ? (size_t)(eol - first) : strlen(first);
			const char *at = memmem(first, len, " at 0x", 6);
			snprintf(what, sizeof(what), "%.*s", (int)((at ? at : first + len) - first), first);
			out->races = races;
			/* The race's first stack ends at valgrind's blank line. */
			struct buf where = BUF_INIT;
			const char *end = strstr(first, "== \n");
			char *pattern = xasprintf("(%s:", file);
			const char *f = strstr(first, pattern);
			unsigned line = 0;
			if (f && (!end || f < end) && sscanf(f + strlen(pattern), "%u", &line) == 1)
				buf_addf(&where, " at %s:%u", file, line);
			free(pattern);
			add_reason(why, "%s%s, found by helgrind (%zu race report%s): shared data is used by two threads without a lock",
				   what, where.buf, races, races == 1 ? "" : "s");
			buf_release(&where);
		}
	}
	buf_release(&text);
	free(file);
}

/* Reads "size N VALUE" lines of a runner's output into n[], v[]. */
static size_t read_sizes(const char *path, size_t *n, long long *v, size_t max)
{
	struct buf text = BUF_INIT;
	size_t count = 0;
	if (!read_file(&text, path)) {
		char *save = NULL;
		for (char *line = strtok_r(text.buf, "\n", &save); line && count < max;
		     line = strtok_r(NULL, "\n", &save))
			if (sscanf(line, "size %zu %lld", &n[count], &v[count]) == 2)
				count++;
	}
	buf_release(&text);
	return count;
}

/* The space claim: peak extra heap (natively counted) plus peak stack at
 * every size of the ladder, fitted like the time check's costs. */
static void run_space(const struct spec_exercise *ex, const char *bench, const char *heap_bench,
		      const char *build_dir, const char *dir, struct memory_result *out, struct buf *why)
{
	struct buf list = BUF_INIT;
	size_t hn[64], sn[64], count = 0;
	long long hv[64], sv[64];

	for (size_t i = 0; i < ex->nr_space_sizes && i < 64; i++)
		buf_addf(&list, "%s%zu", i ? "," : "--sizes=", ex->space_sizes[i]);
	for (int k = 0; k < 2; k++) {
		const char *argv[] = { k ? bench : heap_bench, k ? "--mode=stack" : "--mode=heap", list.buf,
				       seed_arg(ex), "--out=bench.out", NULL };
		char *sub = xasprintf("%s-%s", dir, k ? "stack" : "heap");
		char *path = path_join(sub, "bench.out");
		struct spawn_result res = SPAWN_RESULT_INIT;
		run_in(sub, argv, build_dir, 60, NULL, &res);
		char *early = ended_early(&res, ex->subject, k ? "the stack meter" : "the heap meter", 0, out);
		size_t got = k ? read_sizes(path, sn, sv, 64) : read_sizes(path, hn, hv, 64);
		if (early && !got)
			add_reason(why, "%s", early);
		free(early);
		spawn_result_release(&res);
		free(sub);
		free(path);
		count = k ? (got < count ? got : count) : got;
	}
	buf_release(&list);

	out->space_points = xcalloc(count ? count : 1, sizeof(*out->space_points));
	for (size_t i = 0; i < count; i++) {
		out->space_points[i].n = hn[i];
		out->space_points[i].cost = (double)(hv[i] + (sn[i] == hn[i] ? sv[i] : 0));
	}
	out->nr_space_points = count;
	if (count < 3) {
		add_reason(why, "space could be measured at %zu sizes only: too few to tell how it grows", count);
		return;
	}

	/* Space is exact bytes: a few dozen bytes of wobble (alignment, a
	 * libc buffer) on top of nothing is constant, not growth. */
	double lo = out->space_points[0].cost, hi = lo;
	for (size_t i = 1; i < count; i++) {
		lo = out->space_points[i].cost < lo ? out->space_points[i].cost : lo;
		hi = out->space_points[i].cost > hi ? out->space_points[i].cost : hi;
	}
	if (hi - lo <= 256) {
		out->space_measured = FIT_1;
	} else {
		struct fit_point pts[64];
		struct fit_result fit;
		for (size_t i = 0; i < count; i++) {
			pts[i].n = (double)out->space_points[i].n;
			pts[i].cost = out->space_points[i].cost + 64;
		}
		out->space_measured = fit_models(pts, count, 0.01, &fit) ? FIT_NONE : fit.best;
	}
	const struct cost_point *a = &out->space_points[count - 2], *b = &out->space_points[count - 1];
	out->space_reading = xasprintf("extra space %s at n = %zu, %s at n = %zu: %s",
				       memory_human((long long)a->cost), a->n, memory_human((long long)b->cost), b->n,
				       out->space_measured == FIT_NONE ? "no class fits" : fit_class_word(out->space_measured));
	if (out->space_measured == FIT_NONE || out->space_measured > out->space_claim) {
		out->faults++;
		add_reason(why, "extra space grows as %s, but the spec asks for %s (%s)",
			   fit_class_name(out->space_measured), fit_class_name(out->space_claim), out->space_reading);
	}
}

/* memcheck over the course's Criterion tests, each worker process apart:
 * the tests reach paths the driver does not (edge cases, errors), and a
 * finding is reported with the test that made it. All the processes log
 * to one socket above the client's descriptors (valgrind/channel.h), each
 * line marked with its pid. Workers run one at a time in a fresh PID
 * namespace, so they start in the order the runner's "start" records
 * give and their pids rise in that order. */
static void run_tests_memcheck(const struct spec_exercise *ex, const char *build_dir, const char *dir,
			       struct memory_result *out, struct buf *why)
{
	char *tests = path_join(build_dir, "tests");
	char *results = xasprintf("%s.results", dir);
	/* valgrind makes each test tens of times slower */
	char *timeout = xasprintf("GRADER_TEST_TIMEOUT=%g", ex->test_timeout * 10 > 10 ? ex->test_timeout * 10 : 10);
	const char *env[] = { "GRADER_RESULT_FD=3", timeout, NULL };
	struct channel ch = CHANNEL_INIT;
	struct channel *chs[] = { &ch };
	int fds[3];
	const char *binds[] = { build_dir, NULL };
	char **own = build_own_files(build_dir, ex->name);
	struct buf rec = BUF_INIT;
	char **names = NULL;
	int *passed = NULL;
	size_t alloc_passed = 0;
	size_t nr_names = 0, alloc_names = 0, alloc_leaks = out->nr_leaks, alloc_errors = out->nr_errors;
	struct channel_log *logs = NULL;
	size_t nr_logs = 0;
	char *err = NULL;
	int killed = 0;

	if (channel_open(&ch, CHANNEL_SOCKET, 0, NULL, NULL)) {
		measurement_error(out, why, "cannot make a channel for memcheck over the tests");
		goto done;
	}
	const char *argv[] = { "valgrind", ch.log_arg, "--tool=memcheck", "--trace-children=yes", "--leak-check=full",
			       "--show-leak-kinds=definite,indirect,possible",
			       "--errors-for-leak-kinds=definite,indirect", "--num-callers=20",
			       "--vgdb=no", tests, "--jobs", "1", "--ascii", NULL };
	channel_fds(chs, 1, fds);
	int fd = open(results, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		goto done;
	struct spawn sp = {
		SPAWN_UNDER_TOOL, .argv = argv, .env = env, .cwd = dir, .ro_binds = binds,
		.timeout = 3 * VALGRIND_TIMEOUT, .pass_fd = fd, .give_fds = fds, .nofile = channel_nofile(),
	};
	struct spawn_result res = SPAWN_RESULT_INIT;
	mkdir(dir, 0755);
	spawn_prepare_dir(dir);
	spawn_run(&sp, &res);
	channel_finish(&ch);
	if (res.timed_out) {
		out->timeouts++;
		killed = 1;
		add_reason(why, "the tests did not finish under memcheck in time");
	}
	spawn_result_release(&res);
	close(fd);

	if (!read_file(&rec, results)) {
		char *save = NULL;
		for (char *line = strtok_r(rec.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			char suite[256], name[256];
			int status, timed_out;
			if (sscanf(line, "start\t%255[^\t]\t%255[^\t\n]", suite, name) == 2) {
				ALLOC_GROW(names, nr_names + 1, alloc_names);
				ALLOC_GROW(passed, nr_names + 1, alloc_passed);
				passed[nr_names] = 0;
				names[nr_names++] = xasprintf("%s/%s", suite, name);
			} else if (sscanf(line, "done\t%255[^\t]\t%255[^\t]\t%d\t%d", suite, name, &status,
					  &timed_out) == 4 && !status && !timed_out) {
				char *full = xasprintf("%s/%s", suite, name);
				for (size_t i = nr_names; i-- > 0;)
					if (!strcmp(names[i], full)) {
						passed[i] = 1;
						break;
					}
				free(full);
			}
		}
	}
	if (ch.overflow) {
		measurement_error(out, why, "memcheck over the tests wrote more than the grader keeps");
		goto done;
	}
	if (channel_log_split(ch.data.buf, ch.data.len, nr_names + 64, &logs, &nr_logs, &err)) {
		if (!killed)
			measurement_error(out, why, "memcheck's log over the tests is not valgrind's (%s)", err);
		goto done;
	}

	/* logs[0] is the runner; logs[k] ran the k-th test to start. */
	for (size_t k = 1; k < nr_logs && k - 1 < nr_names; k++) {
		struct memcheck_report rep;
		memset(&rep, 0, sizeof(rep));
		if (!memcheck_parse(logs[k].text.buf, logs[k].text.len, (const char *const *)own, &rep)) {
			/* A test that failed, crashed or ran out of time stopped
			 * before its cleanup: what it held is no leak. */
			for (size_t i = 0; i < rep.nr_leaks && passed[k - 1]; i++) {
				struct leak *l = &rep.leaks[i];
				if (!own_place(own, &l->where))
					continue;
				out->leaked_bytes += (long long)l->bytes;
				ALLOC_GROW(out->leaks, out->nr_leaks + 1, alloc_leaks);
				out->leaks[out->nr_leaks] = *l;
				out->leaks[out->nr_leaks++].test = xstrdup(names[k - 1]);
				memset(l, 0, sizeof(*l));
			}
			for (size_t i = 0; i < rep.nr_errors; i++) {
				struct mem_error *e = &rep.errors[i];
				if (!own_place(own, &e->where))
					continue;
				ALLOC_GROW(out->errors, out->nr_errors + 1, alloc_errors);
				out->errors[out->nr_errors] = *e;
				out->errors[out->nr_errors].count = rep.error_counts ? rep.error_counts[i] : 1;
				out->errors[out->nr_errors++].test = xstrdup(names[k - 1]);
				memset(e, 0, sizeof(*e));
			}
		}
		memcheck_release(&rep);
	}
done:
	channel_logs_free(logs, nr_logs);
	channel_release(&ch);
	free(err);
	for (size_t i = 0; i < nr_names; i++)
		free(names[i]);
	free(names);
	free(passed);
	buf_release(&rec);
	unlink(results);
	free(results);
	free(timeout);
	free(tests);
	strv_free(own);
}

static long long budget_of(const char *expr, size_t n)
{
	double v;
	if (!expr || expr_eval(expr, (double)n, &v))
		return -1;
	return v < 0 ? 0 : (long long)v;
}

/* The heap budget is checked at the benchmark's size, and at the tests'
 * inputs: each call whose input size its test named (test_heap.h) is held
 * to the budget at its n (memtests.c). Tests that name none are held to a
 * coarse net: what any test's body held at once must be within what the
 * budget allows at the largest size the benchmark uses, with room for the
 * test's own arrays (times four, plus 64 MiB): a table sized by the
 * values' range that is huge only on a test's extreme values fails here. */
#define TESTS_HEAP_FACTOR 4
#define TESTS_HEAP_SLACK ((long long)64 << 20)

static void tests_heap_check(const struct spec_exercise *ex, struct memory_result *out, struct buf *why)
{
	if (out->tests_input_test) {
		long long at = budget_of(ex->heap_budget, out->tests_input_n);
		char *allowed = xstrdup(memory_human(at));
		out->faults++;
		add_reason(why, "%s held %s of heap at once on the input of n = %zu in test %s, over the budget %s = %s at that n",
			   ex->name, memory_human(out->tests_input_used), out->tests_input_n, out->tests_input_test,
			   ex->heap_budget, allowed);
		free(allowed);
		return;
	}
	size_t n = ex->memory_size;
	if (ex->has_complexity && ex->nr_sizes && ex->sizes[ex->nr_sizes - 1] > n)
		n = ex->sizes[ex->nr_sizes - 1];
	long long budget = budget_of(ex->heap_budget, n);
	if (budget < 0 || !out->tests_heap_test ||
	    out->tests_heap_peak <= TESTS_HEAP_FACTOR * budget + TESTS_HEAP_SLACK)
		return;
	out->faults++;
	char *at = xstrdup(memory_human(budget));
	add_reason(why, "the test %s held %s of heap at once, far over what the budget allows at any size measured (%s = %s at n = %zu, the largest)",
		   out->tests_heap_test, memory_human(out->tests_heap_peak), ex->heap_budget, at, n);
	free(at);
}

void memory_run(const struct context *ctx, const struct spec_exercise *ex, const char *bench,
		const char *build_dir, const char *run_dir, struct memory_result *out)
{
	char *sizes = xasprintf("--sizes=%zu", ex->memory_size);
	char *massif_dir = path_join(run_dir, "massif");
	char *memcheck_dir = path_join(run_dir, "memcheck");
	char *stack_dir = path_join(run_dir, "stack");
	struct buf why = BUF_INIT;
	(void)ctx;

	/* The runner moves the size a little, as on a ladder (the same
	 * protocol_jitter): a memory run is not told apart by its n. */
	out->n = protocol_jitter(ex->memory_size, ex->seed, 0);
	out->peak_heap = out->peak_stack = -1;
	out->heap_budget = budget_of(ex->heap_budget, out->n);
	out->stack_budget = budget_of(ex->stack_budget, out->n);
	out->heap_budget_expr = ex->heap_budget ? xstrdup(ex->heap_budget) : NULL;
	out->stack_budget_expr = ex->stack_budget ? xstrdup(ex->stack_budget) : NULL;

	mkdir(run_dir, 0755);
	spawn_prepare_dir(run_dir);
	run_massif(ex, bench, build_dir, massif_dir, sizes, out, &why);
	/* Static arrays count like the heap: a bitmap in .bss is no cheaper. */
	long long statics = static_bytes(ex, build_dir);
	if (statics > 0 && out->peak_heap >= 0) {
		out->peak_heap += statics;
		out->static_bytes = statics;
	}
	/* Memory from outside malloc (mmap, pages never freed) is invisible
	 * to massif: the resident memory the call adds, natively, is the
	 * cross-check. Well past what the heap explains (allocator overhead
	 * and page rounding allowed for), the difference is charged. */
	if (out->peak_heap >= 0) {
		char *rss_dir = path_join(run_dir, "rss");
		long long rss = run_rss(ex, bench, build_dir, rss_dir, out);
		if (rss > out->peak_heap + out->peak_heap / 2 + RSS_SLACK) {
			out->outside_bytes = rss - out->peak_heap;
			out->peak_heap = rss;
		}
		free(rss_dir);
	}
	/* memcheck is slower than massif on the same input: when massif could
	 * not finish, it cannot either. */
	/* ...but when massif gave no profile for another reason (the code
	 * under test corrupted the heap and valgrind itself stopped), memcheck
	 * is what names the bad write or free. */
	if (out->peak_heap >= 0 || !out->timeouts)
		run_memcheck(ex, bench, build_dir, memcheck_dir, sizes, out, &why);
	if (ex->stack_budget)
		run_stack(ex, bench, build_dir, stack_dir, out, &why);
	if (ex->memcheck_tests && ex->test_file) {
		/* The sanitizers over the tests first, natively; memcheck (one
		 * valgrind per test) only when a leak may hide there. */
		char *san_dir = path_join(run_dir, "tests-san");
		char *note = NULL;
		int r = memtests_run(ex, build_dir, san_dir, out, &note);
		if (out->tests_report_lost)
			measurement_error(out, &why, "the test %s passed, but its memory report (the heap at the input sizes it names) did not arrive: the code under test closed or replaced its standard output and error; the tests' inputs could not be checked",
					  out->tests_report_lost);
		if (r) {
			char *tests_dir = path_join(run_dir, "tests");
			run_tests_memcheck(ex, build_dir, tests_dir, out, &why);
			free(tests_dir);
		}
		free(note);
		free(san_dir);
	}
	out->space_claim = out->space_measured = FIT_NONE;
	if (ex->has_space) {
		char *space_dir = path_join(run_dir, "space");
		char *heap_bench = path_join(build_dir, "bench-heap");
		out->space_claim = ex->space_claim;
		run_space(ex, bench, heap_bench, build_dir, space_dir, out, &why);
		free(space_dir);
		free(heap_bench);
	}
	if (ex->forbid_races) {
		char *helgrind_dir = path_join(run_dir, "helgrind");
		run_helgrind(ex, bench, build_dir, helgrind_dir, sizes, out, &why);
		free(helgrind_dir);
	}

	if (out->heap_budget >= 0 && out->peak_heap > out->heap_budget) {
		out->faults++;
		if (out->peak_site.file)
			add_reason(&why, "peak heap %s%s at n = %zu is over the budget %s = %s; the most, %s, was allocated at %s:%u",
				   memory_human(out->peak_heap), static_note(out), out->n, out->heap_budget_expr,
				   memory_human(out->heap_budget), memory_human(out->peak_site_bytes),
				   out->peak_site.file, out->peak_site.line);
		else
			add_reason(&why, "peak heap %s%s at n = %zu is over the budget %s = %s",
				   memory_human(out->peak_heap), static_note(out), out->n, out->heap_budget_expr,
				   memory_human(out->heap_budget));
	}
	tests_heap_check(ex, out, &why);
	if (out->stack_budget >= 0 && out->peak_stack > out->stack_budget) {
		out->faults++;
		add_reason(&why, "peak stack %s at n = %zu is over the budget %s = %s",
			   memory_human(out->peak_stack), out->n, out->stack_budget_expr,
			   memory_human(out->stack_budget));
		/* Four times the input, about four times the stack: the depth
		 * of a recursion follows n, or an array on the stack is sized
		 * by n. A call takes at least 16 bytes of stack (its return
		 * address, kept aligned): fewer per element is no recursion. */
		double per = out->n > out->stack_small_n
			? (double)(out->peak_stack - out->stack_small) / (double)(out->n - out->stack_small_n) : 0;
		if (out->stack_small > 0 && out->peak_stack > 3 * out->stack_small)
			buf_addf(&why, "; it grows with n (%s at n = %zu), about %.0f bytes per element: %s",
				 memory_human(out->stack_small), out->stack_small_n, per,
				 per < 16 ? "an array on the stack sized by n (alloca or a variable-length array), too small per element to be a recursion"
					  : "a recursion whose depth follows n, or an array on the stack sized by n");
	}
	if (out->leaked_bytes > 0 && !ex->allow_leaks) {
		out->faults++;
		/* The largest leak names the place: where most of it is. */
		const struct leak *l = NULL;
		for (size_t i = 0; i < out->nr_leaks; i++)
			if (out->leaks[i].where.file && (!l || out->leaks[i].bytes > l->bytes))
				l = &out->leaks[i];
		if (l && l->where.file)
			add_reason(&why, "leaks %s (%s%s), the most, %s, allocated at %s:%u and never freed%s%s",
				   memory_human(out->leaked_bytes), l->kind,
				   !strcmp(l->kind, "still reachable") ? ": kept after the call returns, lost to a caller that calls again" : "",
				   memory_human((long long)l->bytes), l->where.file, l->where.line,
				   l->test ? ", found in test " : "", l->test ? l->test : "");
		else
			add_reason(&why, "leaks %s that is never freed", memory_human(out->leaked_bytes));
	}
	if (out->nr_errors) {
		out->faults++;
		const struct mem_error *e = &out->errors[0];
		if (e->where.file)
			add_reason(&why, "%s at %s:%u%s%s%s%s", e->what, e->where.file, e->where.line,
				   e->detail ? ": " : "", e->detail ? e->detail : "",
				   e->test ? ", found in test " : "", e->test ? e->test : "");
		else
			add_reason(&why, "%s%s%s", e->what, e->detail ? ": " : "", e->detail ? e->detail : "");
		if (out->nr_errors > 1)
			buf_addf(&why, " (and %zu more memory errors)", out->nr_errors - 1);
	}

	if (why.len && !out->faults && out->cannot_run) {
		/* Nothing wrong was found; a tool could not even start. */
		out->status = ST_ERROR;
		buf_adds(&why, ": memory was not measured, which is the machine's fault, not yours (install valgrind: make deps)");
		out->reason = buf_detach(&why);
	} else if (why.len && !out->faults && out->measurement_errors) {
		/* Nothing wrong was found; an output could not be trusted: the
		 * grader's or the machine's failure, never the student's. */
		out->status = ST_ERROR;
		out->reason = strncmp(why.buf, "measurement error: ", 19)
			? xasprintf("measurement error: %s", why.buf) : buf_detach(&why);
	} else if (why.len && !out->faults && out->timeouts) {
		/* Nothing wrong was found; something could not be measured. */
		out->status = ST_INCONCLUSIVE;
		buf_adds(&why, ": memory could not be measured in time, so it is not held against you");
		out->reason = buf_detach(&why);
	} else if (why.len) {
		out->status = ST_FAIL;
		out->reason = buf_detach(&why);
	} else {
		out->status = ST_PASS;
		struct buf ok = BUF_INIT;
		if (out->peak_heap >= 0)
			buf_addf(&ok, "peak heap %s%s at n = %zu", memory_human(out->peak_heap), static_note(out), out->n);
		if (out->heap_budget >= 0)
			buf_addf(&ok, " (budget %s = %s)", out->heap_budget_expr, memory_human(out->heap_budget));
		if (out->peak_stack >= 0)
			buf_addf(&ok, "%speak stack %s", ok.len ? "; " : "", memory_human(out->peak_stack));
		if (out->space_reading)
			buf_addf(&ok, "%sspace %s as claimed (%s)", ok.len ? "; " : "",
				 fit_class_name(out->space_measured), out->space_reading);
		buf_addf(&ok, "%sno leaks or invalid accesses%s", ok.len ? "; " : "",
			 ex->forbid_races ? "; no data races" : "");
		out->reason = buf_detach(&ok);
	}
	/* Measured on another shape than the first: say which, as the
	 * complexity check does. */
	if (out->family && out->family < ex->nr_families && out->reason && out->status != ST_ERROR) {
		char *r = xasprintf("on %s input: %s", ex->families[out->family], out->reason);
		free(out->reason);
		out->reason = r;
	}
	buf_release(&why);
	free(sizes);
	free(massif_dir);
	free(memcheck_dir);
	free(stack_dir);
}
