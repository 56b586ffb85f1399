/* cr_hooks.c - linked into every test binary: reports results to the grader
 *
 * Criterion runs each test in a worker process and these hooks in the
 * runner. The runner takes the result channel (fd GRADER_RESULT_FD) for
 * itself before any worker starts: it marks it close-on-exec and removes
 * the variable, so the code under test never holds the channel and cannot
 * write results. What tests print reaches only their captured output.
 *
 * Records, one per line, fields separated by tabs, text escaped (\t \n \\):
 *   plan    SUITE NAME [FILE]          every test that must report, and the file
 *                                      that declares it (tells private tests apart)
 *   start   SUITE NAME                 the test's worker is running it
 *   timeout SUITE NAME MS HOW          the worker was killed: HOW 1, it used its MS of
 *                                      CPU time; 2, it was waiting, not computing, at MS
 *                                      of the clock; 0, it outlived Criterion's own
 *                                      timeout (MS) with its signals blocked
 *   peak    SUITE NAME BYTES PROCESSES the most memory the worker was seen to take, and
 *                                      the most processes it was seen to start
 *   crash   SUITE NAME SIGNAL          the worker died of a signal
 *   done    SUITE NAME STATUS TIMED_OUT EXIT ELAPSED FILE LINE MESSAGE TEST_LINE
 *                                      (TEST_LINE: where the test's Test() is)
 *   output  SUITE NAME BYTES TEXT      what the test printed (stdout, stderr): the
 *                                      first bytes, and how many in all
 *   frames  SUITE NAME BYTES TEXT      a crashed worker's "SIGNAL PC RET..." (hex
 *                                      offsets in the test binary, "-" in a library)
 *   end                                the runner finished
 *
 * The output and the frames come from the worker (a FIFO and a file in
 * the run's folder): code under test can write them too, so they only
 * ever tell where to look, never a result.
 *
 * Test timeouts: a test that declares none gets GRADER_TEST_TIMEOUT
 * (Criterion's --timeout does not reach tests without .timeout). The limit
 * is CPU time (protocol.h): a watchdog thread here reads each worker's CPU
 * time from /proc and kills a worker past its limit, so a busy machine
 * never makes a test time out. A worker past its limit on the clock whose
 * CPU time stands still is waiting (asleep, blocked, deadlocked), not
 * computing: it is killed too. Criterion's own timeout, on the clock, is
 * PROTOCOL_WALL_FACTOR times the limit, the net under both; code that
 * blocks signals (or ends the worker's main thread) would outlive that
 * too, and the watchdog kills it a second later. Both
 * variables are removed before any worker starts: tests and benchmark
 * runs then see the same environment.
 */
#define _GNU_SOURCE
#include "crash.h"
#include "protocol.h"

#include <criterion/criterion.h>
#include <criterion/hooks.h>
#include <criterion/internal/ordered-set.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>

/* The end of the message of a test that made a system call the kernel
 * refused (lockdown.c): that reason wins over the test's own failures. */
#define REFUSED_BY_SANDBOX "which the sandbox refuses"

/* How long past its timeout a worker may live before the watchdog kills it. */
#define GRACE_SECONDS 1.0

static int result_fd = -1;
static double default_timeout;
static pthread_mutex_t put_lock = PTHREAD_MUTEX_INITIALIZER;

/* A record being built: written whole, so that records from the watchdog
 * and from the hooks never interleave. */
struct record {
	char text[4096];
	size_t len;
};

static void add(struct record *r, const char *s, size_t len)
{
	if (len > sizeof(r->text) - 1 - r->len)
		len = sizeof(r->text) - 1 - r->len;
	memcpy(r->text + r->len, s, len);
	r->len += len;
}

static void put_field(struct record *r, const char *s)
{
	add(r, "\t", 1);
	for (; s && *s; s++) {
		if (*s == '\t')
			add(r, "\\t", 2);
		else if (*s == '\n')
			add(r, "\\n", 2);
		else if (*s == '\\')
			add(r, "\\\\", 2);
		else
			add(r, s, 1);
	}
}

static void put_int_field(struct record *r, long long v)
{
	char num[32];
	snprintf(num, sizeof(num), "%lld", v);
	put_field(r, num);
}

/* Starts a record: KIND, and the test's suite and name when t is given. */
static void begin(struct record *r, const char *kind, const struct criterion_test *t)
{
	r->len = 0;
	add(r, kind, strlen(kind));
	if (t) {
		put_field(r, t->category);
		put_field(r, t->name);
	}
}

static void put_record(struct record *r)
{
	const char *s = r->text;
	size_t len;

	r->text[r->len++] = '\n';
	len = r->len;
	pthread_mutex_lock(&put_lock);
	while (result_fd >= 0 && len) {
		ssize_t w = write(result_fd, s, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		s += w;
		len -= (size_t)w;
	}
	pthread_mutex_unlock(&put_lock);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The watchdog's view of the test running now. */
static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static const struct criterion_test *watched;
static double watch_deadline, watch_timeout; /* the clock's: PROTOCOL_WALL_FACTOR times the CPU limit */
static double watch_start;      /* when the test started, on the clock */
static double watch_used;        /* the workers' CPU seconds at the last look */
static double watch_moved;       /* when the workers' CPU time last grew */
static int watch_killed;         /* the watchdog killed the worker for CPU or waiting */
static long long watch_peak;     /* bytes of address space at most, sampled */
static long watch_procs;         /* processes the worker started, at most */
static long children_maxrss;     /* KiB: RUSAGE_CHILDREN before the test */

/* Every process in sight, with its parent: the watchdog's only use of
 * memory, kept from one look to the next. */
static struct {
	pid_t *pid, *ppid;
	char *mark;
	size_t nr, alloc;
} procs;

static void read_procs(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;

	procs.nr = 0;
	while (d && (e = readdir(d))) {
		char path[300], stat[512];
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		ssize_t n = read(fd, stat, sizeof(stat) - 1);
		close(fd);
		if (n <= 0)
			continue;
		stat[n] = '\0';
		/* pid (comm) state ppid ...: comm may hold anything, but the last ')' ends it. */
		const char *close_paren = strrchr(stat, ')');
		int ppid;
		char state;
		if (!close_paren || sscanf(close_paren + 1, " %c %d", &state, &ppid) != 2 || state == 'Z')
			continue;
		if (procs.nr == procs.alloc) {
			size_t alloc = procs.alloc ? 2 * procs.alloc : 256;
			pid_t *pid = realloc(procs.pid, alloc * sizeof(*pid));
			if (pid)
				procs.pid = pid;
			pid_t *pp = realloc(procs.ppid, alloc * sizeof(*pp));
			if (pp)
				procs.ppid = pp;
			char *mark = realloc(procs.mark, alloc);
			if (mark)
				procs.mark = mark;
			if (!pid || !pp || !mark)
				break;
			procs.alloc = alloc;
		}
		procs.pid[procs.nr] = (pid_t)atoi(e->d_name);
		procs.ppid[procs.nr] = (pid_t)ppid;
		procs.nr++;
	}
	if (d)
		closedir(d);
}

/* Marks the workers (this process's children) 1 and what they started 2;
 * returns how many the workers started. */
static long mark_workers(void)
{
	pid_t self = getpid();
	long started = 0;
	int more = 1;

	for (size_t i = 0; i < procs.nr; i++)
		procs.mark[i] = procs.ppid[i] == self;
	while (more) {
		more = 0;
		for (size_t i = 0; i < procs.nr; i++) {
			if (procs.mark[i])
				continue;
			for (size_t k = 0; k < procs.nr; k++) {
				if (procs.mark[k] && procs.pid[k] == procs.ppid[i]) {
					procs.mark[i] = 2;
					started++;
					more = 1;
					break;
				}
			}
		}
	}
	return started;
}

/* Reads /proc/PID/NAME into text (size bytes, NUL-terminated). Returns 0,
 * or -1 when it cannot be read (the process is gone). */
static int read_proc(pid_t pid, const char *name, char *text, size_t size)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, text, size - 1);
	close(fd);
	if (n <= 0)
		return -1;
	text[n] = '\0';
	return 0;
}

/* The peak of pid's address space in bytes (what RLIMIT_AS limits), or 0. */
static long long vm_peak(pid_t pid)
{
	char text[4096];
	if (read_proc(pid, "status", text, sizeof(text)))
		return 0;
	const char *vm = strstr(text, "VmPeak:");
	return vm ? atoll(vm + 7) * 1024 : 0;
}

/* The CPU time (user and system, all threads) pid has used, in seconds,
 * or 0 when it cannot be read. */
static double cpu_seconds(pid_t pid)
{
	char text[1024];
	static long tick;
	if (read_proc(pid, "stat", text, sizeof(text)))
		return 0;
	/* After the comm's last ')': state, then utime and stime are the
	 * 12th and 13th fields (14 and 15 of the whole line). */
	const char *p = strrchr(text, ')');
	unsigned long long utime, stime;
	if (!p || sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2)
		return 0;
	if (!tick)
		tick = sysconf(_SC_CLK_TCK);
	return tick > 0 ? (double)(utime + stime) / (double)tick : 0;
}

/* Says how the watched test ended (a "timeout" record: ms, how) and kills
 * its workers. */
static void stop_workers(double seconds, enum protocol_timeout how)
{
	struct record r;
	begin(&r, "timeout", watched);
	put_int_field(&r, (long long)(seconds * 1000));
	put_int_field(&r, how);
	put_record(&r);
	for (size_t i = 0; i < procs.nr; i++)
		if (procs.mark[i] == 1)
			kill(procs.pid[i], SIGKILL);
}

static void *watchdog(void *arg)
{
	(void)arg;
	for (;;) {
		struct timespec pause = { 0, 50 * 1000 * 1000 };
		nanosleep(&pause, NULL);
		pthread_mutex_lock(&watch_lock);
		if (watched) {
			read_procs();
			long started = mark_workers();
			if (started > watch_procs)
				watch_procs = started;
			double cpu = 0;
			for (size_t i = 0; i < procs.nr; i++) {
				if (procs.mark[i] != 1)
					continue;
				long long peak = vm_peak(procs.pid[i]);
				if (peak > watch_peak)
					watch_peak = peak;
				double c = cpu_seconds(procs.pid[i]);
				if (c > cpu)
					cpu = c;
			}
			double t = now();
			if (cpu > watch_used) {
				watch_used = cpu;
				watch_moved = t;
			}
			double limit = watch_timeout / PROTOCOL_WALL_FACTOR;
			int over_cpu = cpu > limit;
			/* Past its limit on the clock, and half a second without
			 * a tick of CPU time: a runnable worker on a busy machine
			 * still gets its share within that. */
			int waiting = t - watch_start > limit + GRACE_SECONDS && t - watch_moved > 0.5;
			if (limit > 0 && !watch_killed && (over_cpu || waiting)) {
				stop_workers(limit, over_cpu ? PROTOCOL_TIMEOUT_CPU : PROTOCOL_TIMEOUT_WAITING);
				watch_killed = 1;
			} else if (t > watch_deadline) {
				stop_workers(watch_timeout, PROTOCOL_TIMEOUT_CLOCK);
				watch_deadline = now() + 1; /* again, if the kill did not take */
			}
		}
		pthread_mutex_unlock(&watch_lock);
	}
	return NULL;
}

/* Stops watching the test that just ended and reports the most memory its
 * worker was seen to take and the most processes it was seen to start. */
static void unwatch(const struct criterion_test *t)
{
	struct rusage ru;
	long long peak;
	long started;

	pthread_mutex_lock(&watch_lock);
	peak = watch_peak;
	started = watch_procs;
	/* A worker that died between looks: if the children's largest
	 * resident size grew, it was this one's. */
	if (!getrusage(RUSAGE_CHILDREN, &ru) && ru.ru_maxrss > children_maxrss &&
	    (long long)ru.ru_maxrss * 1024 > peak)
		peak = (long long)ru.ru_maxrss * 1024;
	watched = NULL;
	pthread_mutex_unlock(&watch_lock);
	struct record r;
	begin(&r, "peak", t);
	put_int_field(&r, peak);
	put_int_field(&r, started);
	put_record(&r);
}

/* What each test printed, and where it crashed. Workers inherit no
 * descriptor but 0, 1 and 2 (boxfort closes the rest), so the runner
 * makes a FIFO and a file in the run's folder, named in the environment:
 * each worker sends its stdout and stderr (unbuffered: a crash loses
 * nothing) into the FIFO, and a crash's frames into the file (crash.h).
 * A thread of the runner passes everything read from the FIFO on to the
 * runner's own stdout, as if the worker had written it there (so a flood
 * is stopped as ever), keeping the first OUTPUT_CAP bytes of each test;
 * when the test ends, the runner drains the FIFO (the worker wrote all it
 * printed before it reported) and puts both on the record channel. */
#ifndef OUTPUT_CAP
#define OUTPUT_CAP 1500
#else
/* The sanitizer build's (build.c sets its cap): its hooks' report lines
 * (san_hooks.c, protocol.h: "==grader-KEY== heap ...") are kept wherever
 * they fall in what the test printed, past the cap too, so that output
 * printed before them cannot push them out of the record. */
#define KEEP_MARKS 1
#endif
static char output_path[64], crash_path[] = ".grader-crash-XXXXXX";
static int output_fd = -1, crash_fd = -1;
static pthread_mutex_t output_lock = PTHREAD_MUTEX_INITIALIZER;
static char output_text[OUTPUT_CAP + 1];
static size_t output_len;
static long long output_total;

/* The key the grader gives this run (protocol.h): the sanitizer build's
 * hooks begin their report lines with it, which the code under test
 * cannot do without reading it from the worker's memory. A worker takes it
 * and wipes it from its environment. */
char grader_report_key[PROTOCOL_KEY_SIZE];

#ifdef KEEP_MARKS
#define MARKS_CAP 16384
static char mark[PROTOCOL_KEY_SIZE + 16];
static char marks[MARKS_CAP], mark_line[160];
static size_t mark_size, marks_len, mark_len;
static int mark_skip, marks_overflow;

/* Takes the lines that begin with mark from n bytes of a test's output;
 * a line may span reads. */
static void scan_marks(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c == '\n') {
			if (!mark_skip && mark_len >= mark_size) {
				if (marks_len + mark_len + 1 <= MARKS_CAP) {
					memcpy(marks + marks_len, mark_line, mark_len);
					marks_len += mark_len;
					marks[marks_len++] = '\n';
				} else {
					marks_overflow = 1;
				}
			}
			mark_len = 0;
			mark_skip = 0;
		} else if (!mark_skip) {
			if (mark_len == sizeof(mark_line) || (mark_len < mark_size && c != mark[mark_len]))
				mark_skip = 1;
			else
				mark_line[mark_len++] = c;
		}
	}
}
#endif

/* In a worker only (boxfort's variable says so). */
__attribute__((constructor)) static void worker_init(void)
{
	if (!getenv("BXFI_MAP"))
		return;
	char *key = getenv(PROTOCOL_REPORT_KEY_ENV);
	if (key) {
		/* Wiped where it stands too: /proc/self/environ shows the
		 * environment the process began with. */
		snprintf(grader_report_key, sizeof(grader_report_key), "%s", key);
		memset(key, '0', strlen(key));
		unsetenv(PROTOCOL_REPORT_KEY_ENV);
	}
	const char *out = getenv("GRADER_WORKER_OUTPUT"), *crash = getenv("GRADER_WORKER_CRASH");
	int fd = out ? open(out, O_WRONLY | O_CLOEXEC) : -1;
	crash_fd = crash ? open(crash, O_WRONLY | O_APPEND | O_CLOEXEC) : -1;
	unsetenv("GRADER_WORKER_OUTPUT");
	unsetenv("GRADER_WORKER_CRASH");
	if (fd >= 0) {
		fflush(stdout);
		fflush(stderr);
		dup2(fd, 1);
		dup2(fd, 2);
		close(fd);
		setvbuf(stdout, NULL, _IONBF, 0);
	}
	if (crash_fd >= 0)
		harness_crash_install(crash_fd, "");
}

/* Reads what the FIFO holds now, keeps the test's share, passes it on.
 * Returns the bytes read (0: nothing there). Call with output_lock. */
static ssize_t pump(void)
{
	char chunk[16384];
	ssize_t n = read(output_fd, chunk, sizeof(chunk));
	if (n <= 0)
		return 0;
	size_t keep = (size_t)n < OUTPUT_CAP - output_len ? (size_t)n : OUTPUT_CAP - output_len;
	memcpy(output_text + output_len, chunk, keep);
	output_len += keep;
	output_total += n;
#ifdef KEEP_MARKS
	scan_marks(chunk, (size_t)n);
#endif
	for (const char *p = chunk; p < chunk + n;) {
		ssize_t w = write(1, p, (size_t)(chunk + n - p));
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		p += w;
	}
	return n;
}

static void *output_thread(void *arg)
{
	(void)arg;
	for (;;) {
		struct pollfd pfd = { .fd = output_fd, .events = POLLIN };
		if (poll(&pfd, 1, -1) < 0 && errno != EINTR)
			return NULL;
		pthread_mutex_lock(&output_lock);
		while (pump() > 0)
			;
		pthread_mutex_unlock(&output_lock);
	}
	return NULL;
}

/* The runner's side: the FIFO, its reader, and the crash file. */
static void worker_files(void)
{
	pthread_t tid;
#ifdef KEEP_MARKS
	const char *key = getenv(PROTOCOL_REPORT_KEY_ENV);
	snprintf(grader_report_key, sizeof(grader_report_key), "%s", key ? key : "");
	snprintf(mark, sizeof(mark), PROTOCOL_REPORT_MARK, grader_report_key);
	mark_size = strlen(mark);
#endif
	snprintf(output_path, sizeof(output_path), ".grader-output-%d", (int)getpid());
	crash_fd = mkostemp(crash_path, O_CLOEXEC);
	if (crash_fd >= 0)
		setenv("GRADER_WORKER_CRASH", crash_path, 1);
	/* Read and write: the FIFO never sees its last writer go. */
	if (mkfifo(output_path, 0600) || (output_fd = open(output_path, O_RDWR | O_NONBLOCK | O_CLOEXEC)) < 0)
		return;
	if (pthread_create(&tid, NULL, output_thread, NULL)) {
		close(output_fd);
		output_fd = -1;
		unlink(output_path);
		return;
	}
	pthread_detach(tid);
	setenv("GRADER_WORKER_OUTPUT", output_path, 1);
}

static void put_text(const char *kind, const struct criterion_test *t, const char *text, long long total)
{
	struct record r;
	begin(&r, kind, t);
	put_int_field(&r, total);
	put_field(&r, text);
	put_record(&r);
}

/* Puts what test t printed and where it crashed on the record channel,
 * and starts afresh for the next test. */
static void take_worker_files(const struct criterion_test *t)
{
	if (output_fd >= 0) {
		pthread_mutex_lock(&output_lock);
		while (pump() > 0)
			;
		output_text[output_len] = '\0';
#ifdef KEEP_MARKS
		/* The report lines again after the kept text: a line the cap
		 * cut, or one past it, is whole here (a second copy of one is
		 * harmless: the grader takes each line's largest figures). */
		static char with_marks[OUTPUT_CAP + 1 + MARKS_CAP + sizeof(PROTOCOL_REPORT_OVERFLOW "\n")];
		if (marks_len || marks_overflow) {
			memcpy(with_marks, output_text, output_len);
			with_marks[output_len] = '\n';
			memcpy(with_marks + output_len + 1, marks, marks_len);
			/* More report lines than any test makes: not all are
			 * the hooks', and the grader trusts none of them. */
			snprintf(with_marks + output_len + 1 + marks_len, sizeof(PROTOCOL_REPORT_OVERFLOW "\n"), "%s",
				 marks_overflow ? PROTOCOL_REPORT_OVERFLOW "\n" : "");
		}
		if (output_total)
			put_text("output", t, marks_len || marks_overflow ? with_marks : output_text, output_total);
		marks_len = mark_len = 0;
		mark_skip = marks_overflow = 0;
#else
		if (output_total)
			put_text("output", t, output_text, output_total);
#endif
		output_len = 0;
		output_total = 0;
		pthread_mutex_unlock(&output_lock);
	}
	struct stat st;
	if (crash_fd >= 0 && !fstat(crash_fd, &st) && st.st_size > 0) {
		char text[1024];
		ssize_t n = pread(crash_fd, text, sizeof(text) - 1, 0);
		if (n > 0) {
			text[n] = '\0';
			put_text("frames", t, text, st.st_size);
		}
		if (ftruncate(crash_fd, 0))
			close(crash_fd), crash_fd = -1;
	}
}

ReportHook(PRE_ALL)(struct criterion_test_set *set)
{
	const char *fd = getenv("GRADER_RESULT_FD");
	const char *timeout = getenv("GRADER_TEST_TIMEOUT");
	pthread_t tid;

	default_timeout = timeout ? strtod(timeout, NULL) : 0;
	if (fd) {
		result_fd = atoi(fd);
		fcntl(result_fd, F_SETFD, FD_CLOEXEC);
		unsetenv("GRADER_RESULT_FD");
	}
	unsetenv("GRADER_TEST_TIMEOUT");
	if (result_fd >= 0)
		worker_files();
	/* Workers of the same user cannot open this process's /proc files
	 * (and so its file descriptors) once it is not dumpable. */
	prctl(PR_SET_DUMPABLE, 0);
	if (result_fd >= 0 && !pthread_create(&tid, NULL, watchdog, NULL))
		pthread_detach(tid);

	FOREACH_SET(struct criterion_suite_set *s, set->suites) {
		FOREACH_SET(struct criterion_test *t, s->tests) {
			if (default_timeout > 0 && t->data && t->data->timeout <= 0)
				t->data->timeout = default_timeout;
			/* Criterion's timeout, on the clock, is the safety net
			 * for code that waits: the watchdog judges the CPU. */
			if (t->data && t->data->timeout > 0)
				t->data->timeout *= PROTOCOL_WALL_FACTOR;
			struct record r;
			begin(&r, "plan", t);
			if (t->data && t->data->file_)
				put_field(&r, t->data->file_);
			put_record(&r);
		}
	}
}

ReportHook(PRE_TEST)(struct criterion_test *t)
{
	struct record r;
	struct rusage ru;
	double timeout = t->data && t->data->timeout > 0 ? t->data->timeout
		: default_timeout * PROTOCOL_WALL_FACTOR;

	begin(&r, "start", t);
	put_record(&r);
	pthread_mutex_lock(&watch_lock);
	watched = t;
	watch_timeout = timeout;
	watch_killed = 0;
	watch_start = watch_moved = now();
	watch_used = 0;
	watch_deadline = timeout > 0 ? now() + timeout + GRACE_SECONDS : 1e300;
	watch_peak = 0;
	watch_procs = 0;
	children_maxrss = getrusage(RUSAGE_CHILDREN, &ru) ? 0 : ru.ru_maxrss;
	pthread_mutex_unlock(&watch_lock);
}

ReportHook(TEST_CRASH)(struct criterion_test_stats *st)
{
	struct record r;
	unwatch(st->test);
	take_worker_files(st->test);
	begin(&r, "crash", st->test);
	put_int_field(&r, st->signal);
	put_record(&r);
}

/* What a test printed in its teardown (and the heap line of the sanitizer
 * build, san_hooks.c) comes after POST_TEST: a second output record. */
ReportHook(POST_FINI)(struct criterion_test_stats *st)
{
	take_worker_files(st->test);
}

ReportHook(POST_TEST)(struct criterion_test_stats *st)
{
	const struct criterion_assert_stats *failed = NULL;
	char elapsed[32];
	struct record r;

	unwatch(st->test);
	take_worker_files(st->test);
	for (const struct criterion_assert_stats *a = st->asserts; a; a = a->next)
		if (!a->passed && !(failed && failed->message && strstr(failed->message, REFUSED_BY_SANDBOX)))
			failed = a; /* the list is newest first: keep the earliest,
				     * but a refusal by the kernel first of all */
	snprintf(elapsed, sizeof(elapsed), "%.6f", st->elapsed_time);
	begin(&r, "done", st->test);
	put_int_field(&r, st->test_status);
	put_int_field(&r, st->timed_out);
	put_int_field(&r, st->exit_code);
	put_field(&r, elapsed);
	put_field(&r, failed && failed->file ? failed->file : "");
	put_int_field(&r, failed ? failed->line : 0);
	put_field(&r, failed && failed->message ? failed->message : "");
	put_int_field(&r, st->test->data ? st->test->data->line_ : 0);
	put_record(&r);
}

ReportHook(POST_ALL)(struct criterion_global_stats *stats)
{
	struct record r;
	(void)stats;
	if (output_fd >= 0)
		unlink(output_path);
	if (crash_fd >= 0)
		unlink(crash_path);
	fflush(stdout);
	begin(&r, "end", NULL);
	put_record(&r);
}

/* The build links the tests with --wrap for three of Criterion's calls.
 * criterion_internal_test_setup runs in each worker before its test's
 * setup: the kernel's limits (lockdown.c) hold before any of the
 * submission's code runs there. A call the kernel refused fails the test,
 * named: before the test's next assertion is sent (an assertion that
 * fails ends the test), and after its body, when none came. */
void grader_lockdown(void);
const char *grader_refused_call(void);
void __real_criterion_internal_test_setup(void);
void __real_criterion_internal_test_main(void (*fn)(void));
void __real_criterion_send_assert(struct criterion_assert_stats *stats);

static void (*test_body)(void);
static int refusal_sent;

static void send_refusal(void)
{
	const char *call = grader_refused_call();
	if (call && !refusal_sent) {
		refusal_sent = 1;
		cr_expect_fail("the code under test called %s(), " REFUSED_BY_SANDBOX, call);
	}
}

void __wrap_criterion_send_assert(struct criterion_assert_stats *stats)
{
	send_refusal();
	__real_criterion_send_assert(stats);
}

static void checked_body(void)
{
	test_body();
	send_refusal();
}

/* The sanitizer build of the tests (san_hooks.c) notes the heap before
 * the test's fixtures are set up, and before its body. */
void grader_test_setup_begins(void) __attribute__((weak));
void grader_test_body_begins(void) __attribute__((weak));

void __wrap_criterion_internal_test_setup(void)
{
	grader_lockdown();
	if (grader_test_setup_begins)
		grader_test_setup_begins();
	__real_criterion_internal_test_setup();
}

void __wrap_criterion_internal_test_main(void (*fn)(void))
{
	test_body = fn;
	if (grader_test_body_begins)
		grader_test_body_begins();
	__real_criterion_internal_test_main(checked_body);
}

/* The submission's calls to exit(), _exit(), _Exit(), quick_exit() and
 * abort() are renamed to these when it is linked for tests: ending the
 * test process would otherwise look like a passing test. */
void grader_exit(int status)
{
	cr_assert_fail("the code under test called exit(%d)", status);
	_exit(PROTOCOL_EXIT_ENDED);
}

void grader__exit(int status)
{
	cr_assert_fail("the code under test called _exit(%d)", status);
	_exit(PROTOCOL_EXIT_ENDED);
}

void grader__Exit(int status)
{
	cr_assert_fail("the code under test called _Exit(%d)", status);
	_exit(PROTOCOL_EXIT_ENDED);
}

void grader_quick_exit(int status)
{
	cr_assert_fail("the code under test called quick_exit(%d)", status);
	_exit(PROTOCOL_EXIT_ENDED);
}

void grader_abort(void)
{
	cr_assert_fail("the code under test called abort()");
	_exit(PROTOCOL_EXIT_ENDED);
}

/* pthread_exit() and thrd_exit() in the test's own thread end it without
 * a word, and the worker lingers on its other threads: named, like exit().
 * In a thread the code under test started, they do what they always do. */
void grader_pthread_exit(void *value)
{
	if (getpid() == gettid())
		cr_assert_fail("the code under test called pthread_exit() in the test's main thread, which ends the test");
	pthread_exit(value);
}

void grader_thrd_exit(int status)
{
	if (getpid() == gettid())
		cr_assert_fail("the code under test called thrd_exit(%d) in the test's main thread, which ends the test", status);
	thrd_exit(status);
}
