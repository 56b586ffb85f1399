/* tests.c - run an exercise's Criterion tests and account for every one */
#include "tests.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness/protocol.h"
#include "spawn.h"
#include "util.h"

/* Splits a record line in place into at most max tab-separated fields,
 * undoing the hooks' escapes. Returns the number of fields. */
static size_t split_fields(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *w = line;
	fields[n++] = w;
	for (char *r = line; *r; r++) {
		if (*r == '\t' && n < max) {
			*w++ = '\0';
			fields[n++] = w;
		} else if (*r == '\\' && r[1]) {
			r++;
			*w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return n;
}

static struct test_case *find_case(struct tests_result *out, const char *name)
{
	for (size_t i = 0; i < out->nr_cases; i++)
		if (!strcmp(out->cases[i].name, name))
			return &out->cases[i];
	return NULL;
}

static int is_hidden(const struct spec_exercise *ex, const char *name)
{
	for (size_t i = 0; i < ex->nr_hidden; i++)
		if (!strcmp(ex->hidden[i], name))
			return 1;
	return 0;
}

/* Whether file (as Criterion recorded it: __FILE__) is one of ex's private
 * test files. */
static int is_private_file(const struct spec_exercise *ex, const char *file)
{
	for (size_t i = 0; file && i < ex->nr_private_tests; i++)
		if (!strcmp(base_name(file), ex->private_tests[i]))
			return 1;
	return 0;
}

/* With private_show: count, the private tests' names leave the result:
 * each becomes "private/N", N counting them in plan order. */
static void rename_private(const char *text, const struct spec_exercise *ex, struct tests_result *out)
{
	char *copy = xstrdup(text), *save = NULL;
	unsigned nr = 0;

	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[12];
		size_t nf = split_fields(line, f, 12);
		if (nf < 4 || strcmp(f[0], "plan") || !is_private_file(ex, f[3]))
			continue;
		char *name = xasprintf("%s/%s", f[1], f[2]);
		struct test_case *c = find_case(out, name);
		free(name);
		if (!c)
			continue;
		free(c->name);
		c->name = xasprintf("private/%u", ++nr);
	}
	free(copy);
}

/* Why a test that did not pass failed, with what is known of its memory. */
static char *with_peak(char *message, long long peak, size_t limit)
{
	if (!limit || peak < (long long)(limit / 2))
		return message;
	char *m = xasprintf("%s; its process had taken %s of memory (a test may have %s)",
			    message ? message : "failed", memory_human(peak), memory_human((long long)limit));
	free(message);
	return m;
}

int tests_parse_records(const char *text, const struct spec_exercise *ex, struct tests_result *out)
{
	char *copy = xstrdup(text), *save = NULL;
	size_t alloc = out->nr_cases;
	int ended = 0;

	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[12];
		size_t nf = split_fields(line, f, 12);
		if (nf < 1)
			continue;
		if (!strcmp(f[0], "end")) {
			ended = 1;
			continue;
		}
		if (nf < 3)
			continue;
		char *name = xasprintf("%s/%s", f[1], f[2]);
		struct test_case *c = find_case(out, name);
		if (!strcmp(f[0], "plan")) {
			if (!c) {
				ALLOC_GROW(out->cases, out->nr_cases + 1, alloc);
				c = &out->cases[out->nr_cases++];
				memset(c, 0, sizeof(*c));
				c->name = name;
				name = NULL;
				c->status = CASE_MISSING;
				c->hidden = is_hidden(ex, f[2]) || is_hidden(ex, c->name) ||
					    (nf >= 4 && is_private_file(ex, f[3]) &&
					     ex->private_show != PRIVATE_SHOW_ALL);
			}
		} else if (c && !strcmp(f[0], "timeout") && nf >= 4 && c->status == CASE_MISSING) {
			c->status = CASE_TIMED_OUT;
			c->seconds = atof(f[3]) / 1000;
			if (nf >= 5 && atoi(f[4]) == PROTOCOL_TIMEOUT_CPU)
				c->message = xasprintf("used its %g s of processor time without finishing (an endless loop, or far too slow)",
						       c->seconds);
			else if (nf >= 5 && atoi(f[4]) == PROTOCOL_TIMEOUT_WAITING)
				c->message = xasprintf("ran past %g s without finishing while its processor time stood still: waiting (asleep, blocked, deadlocked or short of memory), not computing",
						       c->seconds);
			else
				c->message = xasprintf("did not finish in %g s and had to be killed (waiting for ever, with its signals blocked)",
						       c->seconds);
		} else if (c && !strcmp(f[0], "crash") && nf >= 4 && c->status == CASE_MISSING) {
			c->status = CASE_CRASHED;
			c->signal = atoi(f[3]);
			free(c->message);
			c->message = xasprintf("killed by SIG%s (%s)", sigabbrev_np(c->signal) ? sigabbrev_np(c->signal) : "?",
					       strsignal(c->signal));
		} else if (c && !strcmp(f[0], "done") && nf >= 10 && c->status == CASE_MISSING) {
			int failed = atoi(f[3]), timed_out = atoi(f[4]), code = atoi(f[5]);
			c->seconds = strtod(f[6], NULL);
			if (timed_out) {
				c->status = CASE_TIMED_OUT;
				c->message = xasprintf("ran %g s on the clock without finishing, %d times its limit, though it had less than its %g s of processor time (a machine this busy cannot tell an endless loop from slow code: grade again when it is quieter)",
						       ex->test_timeout * PROTOCOL_WALL_FACTOR, PROTOCOL_WALL_FACTOR, ex->test_timeout);
			} else if (failed) {
				c->status = CASE_FAILED;
				if (*f[9])
					c->message = xstrdup(f[9]);
				else if (code)
					c->message = xasprintf("the test process exited with status %d", code);
				else
					c->message = xstrdup("failed");
				if (*f[7] && !strstr(f[7], "cr_hooks.c")) {
					c->loc.file = xstrdup(base_name(f[7]));
					c->loc.line = (unsigned)atoi(f[8]);
				}
				/* A check above the test's own Test() line is a
				 * helper several tests call: say which test. */
				unsigned test_line = nf >= 11 ? (unsigned)atoi(f[10]) : 0;
				if (c->loc.line && test_line && c->loc.line < test_line) {
					char *m = xasprintf("%s (in a check shared by several tests; this one is test %s, at %s:%u)",
							    c->message, f[2], c->loc.file, test_line);
					free(c->message);
					c->message = m;
				}
			} else if (c->seconds == 0) {
				/* Criterion reports a worker that exited 0 before the
				 * test's end as passed; only such a worker has no
				 * elapsed time. */
				c->status = CASE_EXITED;
				c->message = xstrdup("the test process ended before the test finished (the code under test ended the process, with exit_group or the like)");
			} else {
				c->status = CASE_PASSED;
			}
		}
		free(name);
	}
	free(copy);
	return ended;
}

/* What the runner's records say beyond results: the test running when
 * they stop (its index, or -1), and for each case the most memory its
 * worker was seen to take (peaks, -1 when unknown) and the most processes
 * it was seen to start (started). */
static int runner_notes(const char *text, const struct tests_result *out, long long *peaks, long *started)
{
	char *copy = xstrdup(text), *save = NULL;
	int running = -1;

	for (size_t i = 0; i < out->nr_cases; i++) {
		peaks[i] = -1;
		started[i] = 0;
	}
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[12];
		size_t nf = split_fields(line, f, 12);
		if (nf < 3)
			continue;
		char *name = xasprintf("%s/%s", f[1], f[2]);
		int i = -1;
		for (size_t k = 0; k < out->nr_cases && i < 0; k++)
			if (!strcmp(out->cases[k].name, name))
				i = (int)k;
		free(name);
		if (i < 0)
			continue;
		if (!strcmp(f[0], "start"))
			running = i;
		else if (!strcmp(f[0], "peak") && nf >= 4) {
			peaks[i] = atoll(f[3]);
			started[i] = nf >= 5 ? atol(f[4]) : 0;
		}
		else if (running == i && (!strcmp(f[0], "done") || !strcmp(f[0], "crash") || !strcmp(f[0], "timeout")))
			running = -1;
	}
	free(copy);
	return running;
}

/* Reads what is in fd from its start. Returns 0 or -1. */
static int read_fd(int fd, struct buf *b)
{
	char chunk[16384];
	ssize_t r;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return -1;
	while ((r = read(fd, chunk, sizeof(chunk))) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		buf_add(b, chunk, (size_t)r);
	}
	return 0;
}

/* A submission file is one that sits directly in build_dir (the
 * course's are in build_dir/course). */
char *tests_crash_place(const char *binary, const char *build_dir, const char *line)
{
	char *copy = xstrdup(line);
	char *frames[64];
	size_t nr = split_fields(copy, frames, 64);
	while (nr && !*frames[nr - 1])
		nr--;
	/* frames[0] is the signal */
	nr = nr ? nr - 1 : 0;
	char **fp = frames + 1;
	const char **argv = xcalloc(nr + 8, sizeof(*argv));
	char **own = xcalloc(nr + 1, sizeof(*own));
	size_t n = 0, k = 0;
	char *place = NULL;

	argv[n++] = "addr2line";
	argv[n++] = "-a";
	argv[n++] = "-f";
	argv[n++] = "-i";
	argv[n++] = "-C";
	argv[n++] = "-e";
	argv[n++] = binary;
	for (size_t i = 0; i < nr; i++) {
		unsigned long a = strtoul(fp[i], NULL, 16);
		if (!a)
			continue;
		/* A caller's frame holds the return address: the call is
		 * the byte before. */
		own[k] = xasprintf("%#lx", i ? a - 1 : a);
		argv[n++] = own[k++];
	}
	argv[n] = NULL;
	struct spawn sp = { SPAWN_HELPER, .argv = argv };
	struct spawn_result res = SPAWN_RESULT_INIT;
	size_t dl = strlen(build_dir);
	char *course = NULL;
	if (k && !spawn_run(&sp, &res) && !res.status) {
		char *save = NULL, *func = NULL;
		for (char *line = strtok_r(res.out.buf, "\n", &save); line && !place;
		     line = strtok_r(NULL, "\n", &save)) {
			if (!strncmp(line, "0x", 2)) {
				func = NULL;
				continue;
			}
			if (!func) {
				func = line;
				continue;
			}
			char *colon = strrchr(line, ':');
			if (colon && !strncmp(line, build_dir, dl) && line[dl] == '/' && !strchr(line + dl + 1, '/') &&
			    colon > line + dl + 1)
				place = xasprintf("%.*s:%u in %s()", (int)(colon - line - dl - 1), line + dl + 1,
						  (unsigned)strtoul(colon + 1, NULL, 10), func);
			else if (colon && !course && !strncmp(line, build_dir, dl) && !strncmp(line + dl, "/course/", 8))
				course = xasprintf("%.*s:%u in %s() (the course's code, on what your code returned or did)",
						   (int)(colon - line - dl - 8), line + dl + 8,
						   (unsigned)strtoul(colon + 1, NULL, 10), func);
			func = NULL;
		}
	}
	spawn_result_release(&res);
	for (size_t i = 0; i < k; i++)
		free(own[i]);
	free(own);
	free(argv);
	free(copy);
	if (!place)
		return course;
	free(course);
	return place;
}

/* Puts the runner's output and frames records (what each test printed,
 * where a crashed one died) on their tests. */
static void worker_records(const char *text, struct tests_result *out, const char *binary, const char *build_dir)
{
	char *copy = xstrdup(text), *save = NULL;

	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[8];
		size_t nf = split_fields(line, f, 5);
		if (nf < 5)
			continue;
		char *name = xasprintf("%s/%s", f[1], f[2]);
		struct test_case *c = find_case(out, name);
		free(name);
		if (!c)
			continue;
		if (!strcmp(f[0], "output")) {
			size_t total = strtoul(f[3], NULL, 10), shown = strlen(f[4]);
			while (shown && f[4][shown - 1] == '\n')
				f[4][--shown] = '\0';
			char *more = total > strlen(f[4]) + 1
				? xasprintf("%s\n... (%zu bytes in all: the first %zu shown)", f[4], total, shown)
				: xstrdup(f[4]);
			/* A second record: what the test printed in its teardown. */
			if (c->output && *more) {
				char *both = xasprintf("%s\n%s", c->output, more);
				free(more);
				more = both;
			}
			if (c->output && !*more) {
				free(more);
			} else {
				free(c->output);
				c->output = more;
			}
		} else if (!strcmp(f[0], "frames") && !c->crash_at && c->status == CASE_CRASHED) {
			c->crash_at = tests_crash_place(binary, build_dir, f[4]);
			if (c->crash_at) {
				char *m = xasprintf("%s at %s", c->message ? c->message : "crashed", c->crash_at);
				free(c->message);
				c->message = m;
			}
		}
	}
	free(copy);
}

/* The failing tests' story in one line: their shared message, or the first. */
static char *summary(const struct tests_result *out)
{
	const struct test_case *first = NULL;
	int same = 1;

	for (size_t i = 0; i < out->nr_cases; i++) {
		const struct test_case *c = &out->cases[i];
		if (c->status == CASE_PASSED)
			continue;
		if (!first)
			first = c;
		else if (c->hidden || first->hidden || !c->message || !first->message ||
			 strcmp(c->message, first->message))
			same = 0;
	}
	if (!first || first->hidden || !first->message)
		return xasprintf("%zu of %zu passed", out->passed, out->total);
	if (same)
		return xasprintf("%zu of %zu passed: %s", out->passed, out->total, first->message);
	return xasprintf("%zu of %zu passed; first failure, %s: %s", out->passed, out->total, first->name,
			 first->message);
}

/* What the tests that ended before an unfinished run had found, as
 * "; before it, ..." (the first failure, and how many more alike), or ""
 * when none failed: a run stopped by the grading's time limit still says
 * that its tests were endless. Caller frees. */
static char *ended_failures(const struct tests_result *out, int running)
{
	const struct test_case *first = NULL;
	size_t alike = 0;

	for (size_t i = 0; i < out->nr_cases; i++) {
		const struct test_case *c = &out->cases[i];
		if ((int)i == running || c->hidden || !c->message ||
		    (c->status != CASE_FAILED && c->status != CASE_TIMED_OUT && c->status != CASE_CRASHED))
			continue;
		if (!first)
			first = c;
		alike += !strcmp(c->message, first->message);
	}
	if (!first)
		return xstrdup("");
	if (alike > 1)
		return xasprintf("; before it, %zu tests ended so: %s", alike, first->message);
	return xasprintf("; before it, %s: %s", first->name, first->message);
}

/* memory: the address-space limit of the run (0: none, for the
 * sanitizers' shadow memory); slower: how many times a test may take its
 * spec's time. */
static void run_tests(const struct spec_exercise *ex, const char *binary, const char *build_dir,
		      const char *run_dir, size_t memory, double slower, const char *key, struct tests_result *out)
{
	char *results = xasprintf("%s.results", run_dir);
	char *timeout = xasprintf("GRADER_TEST_TIMEOUT=%g", ex->test_timeout * slower);
	char *report_key = key ? xasprintf(PROTOCOL_REPORT_KEY_ENV "=%s", key) : NULL;
	const char *env[] = { "GRADER_RESULT_FD=3", timeout, report_key, NULL };
	const char *argv[] = { binary, "--jobs", "1", "--ascii", "--short-filename", NULL };
	const char *binds[] = { build_dir, NULL };
	const size_t cap = 64u << 10;
	struct buf rec = BUF_INIT;

	int fd = open(results, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		/* The machine's fault, not the submission's: say what to fix. */
		out->status = ST_ERROR;
		out->reason = xasprintf("grader: cannot create the results file %s: %s; the tests were not run (check that the scratch folder, $TMPDIR, is writable and not full)",
					results, strerror(errno));
		goto done;
	}
	/* Only the descriptor: without a path, no process of the same user
	 * (when there is no sandbox) can open the file to write records. */
	unlink(results);
	/* Forty test timeouts plus start-up: the runner
	 * enforces each test's own; this bounds the whole run. */
	struct spawn sp = {
		SPAWN_TESTS, .argv = argv, .env = env, .cwd = run_dir, .ro_binds = binds,
		.timeout = 10 + 40 * ex->test_timeout * slower,
		.memory_bytes = memory, .output_cap = cap, .pass_fd = fd,
	};
	struct spawn_result res = SPAWN_RESULT_INIT;
	spawn_run(&sp, &res);
	out->output = xstrndup(res.out.buf, res.out.len);

	int ended = 0, running = -1;
	long long *peaks = NULL;
	long *started = NULL;
	if (!read_fd(fd, &rec) && rec.len) {
		ended = tests_parse_records(rec.buf, ex, out);
		peaks = xcalloc(out->nr_cases ? out->nr_cases : 1, sizeof(*peaks));
		started = xcalloc(out->nr_cases ? out->nr_cases : 1, sizeof(*started));
		running = runner_notes(rec.buf, out, peaks, started);
		worker_records(rec.buf, out, binary, build_dir);
		if (ex->private_show == PRIVATE_SHOW_COUNT)
			rename_private(rec.buf, ex, out);
	}

	close(fd);

	/* How the run ended, when it ended early. */
	int runner_signal = res.signal ? res.signal : res.status > 128 && res.status < 128 + 65 ? res.status - 128 : 0;
	char *how;
	if (res.deadline)
		how = xasprintf("it was stopped at the grading's time limit");
	else if (res.disk_full)
		how = xasprintf("it filled its folder past the %s a run may leave there and was stopped",
				memory_human((long long)SPAWN_DISK_DEFAULT));
	else if (res.timed_out)
		how = xasprintf("it was stopped after its time limit of %g s", sp.timeout);
	else if (res.flooded)
		how = xasprintf("it printed more than %s (%d times the %s kept) and was stopped",
				memory_human((long long)(cap * SPAWN_FLOOD_FACTOR)), SPAWN_FLOOD_FACTOR,
				memory_human((long long)cap));
	else if (runner_signal)
		how = xasprintf("the test runner was killed by SIG%s (%s)",
				sigabbrev_np(runner_signal) ? sigabbrev_np(runner_signal) : "?", strsignal(runner_signal));
	else
		how = xasprintf("the test runner ended early, with status %d", res.status);
	/* A test that started processes may have left the runner none to
	 * start the next test with: say so. */
	for (size_t i = 0; started && i < out->nr_cases; i++) {
		if (started[i] > 0 && !ended) {
			char *more = xasprintf("%s, after %s had started %ld processes", how, out->cases[i].name,
					       started[i]);
			free(how);
			how = more;
			break;
		}
	}

	out->total = out->nr_cases;
	out->passed = 0;
	for (size_t i = 0; i < out->nr_cases; i++) {
		struct test_case *c = &out->cases[i];
		if (c->status == CASE_PASSED) {
			out->passed++;
			continue;
		}
		if (c->status == CASE_MISSING && (int)i == running && !ended) {
			/* Started, never finished, and the runner is gone. */
			c->signal = runner_signal;
			c->status = runner_signal ? CASE_CRASHED : CASE_MISSING;
			c->message = xasprintf("the test run ended while this test ran: %s%s", how,
					       res.flooded || res.timed_out ? "" :
					       " (code under test can cause this by killing its parent, or by writing on descriptors it did not open)");
		} else if (c->status == CASE_MISSING && !c->message) {
			c->message = xasprintf("never reported: the test run ended before this test (%s)", how);
		}
		if (peaks)
			c->message = with_peak(c->message, peaks[i], memory);
		if (started && started[i] > 0) {
			char *m = xasprintf("%s; it had started %ld processes", c->message ? c->message : "failed",
					    started[i]);
			free(c->message);
			c->message = m;
		}
	}
	if (res.exec_failed) {
		out->reason = xasprintf("cannot run the tests: %s", res.out.buf);
	} else if (!out->nr_cases) {
		out->reason = res.timed_out || res.flooded || runner_signal || res.status
			? xasprintf("no test ran: the test binary reported none (%s)", how)
			: xstrdup("no test ran: the test binary reported none");
	} else if (!ended && out->passed < out->total) {
		char *before = ended_failures(out, running);
		out->reason = running >= 0
			? xasprintf("the test run did not finish: %s while %s ran%s", how, out->cases[running].name, before)
			: xasprintf("the test run did not finish: %s%s", how, before);
		free(before);
	} else if (out->passed < out->total) {
		out->reason = summary(out);
	}
	out->status = out->nr_cases && out->passed == out->total ? ST_PASS : ST_FAIL;
	if (res.exec_failed)
		out->status = ST_ERROR;
	free(how);
	free(peaks);
	free(started);
	spawn_result_release(&res);
done:
	buf_release(&rec);
	free(results);
	free(timeout);
	free(report_key);
}

int tests_none_finished(const struct tests_result *r)
{
	size_t timed_out = 0, crashed = 0;
	for (size_t i = 0; i < r->nr_cases; i++) {
		enum case_status st = r->cases[i].status;
		if (st == CASE_PASSED || st == CASE_FAILED)
			return 0;
		timed_out += st == CASE_TIMED_OUT;
		crashed += st == CASE_CRASHED;
	}
	return timed_out > 0 && crashed <= 1;
}

void tests_run(const struct context *ctx, const struct spec_exercise *ex, const char *binary,
	       const char *build_dir, const char *run_dir, struct tests_result *out)
{
	(void)ctx;
	run_tests(ex, binary, build_dir, run_dir, (size_t)2 << 30, 1, NULL, out);
}

void tests_run_sanitized(const struct spec_exercise *ex, const char *binary, const char *build_dir,
			 const char *run_dir, const char *key, struct tests_result *out)
{
	/* AddressSanitizer reserves terabytes of address space for its
	 * shadow: its own hard_rss_limit_mb (san_hooks.c) bounds the memory
	 * instead. A few times slower than native. */
	run_tests(ex, binary, build_dir, run_dir, 0, 5, key, out);
}
