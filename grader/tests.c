/* tests.c - run an exercise's Criterion tests and account for every one */
#include "tests.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
				c->hidden = is_hidden(ex, f[2]) || is_hidden(ex, c->name);
			}
		} else if (c && !strcmp(f[0], "crash") && nf >= 4) {
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
				c->message = xasprintf("did not finish in %g s (an endless loop, or far too slow)",
						       ex->test_timeout);
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
			} else if (c->seconds == 0) {
				/* Criterion reports a worker that exited 0 before the
				 * test's end as passed; only such a worker has no
				 * elapsed time. */
				c->status = CASE_EXITED;
				c->message = xstrdup("the test process ended before the test finished (the code under test ended the process)");
			} else {
				c->status = CASE_PASSED;
			}
		}
		free(name);
	}
	free(copy);
	return ended;
}

void tests_run(const struct context *ctx, const struct spec_exercise *ex, const char *binary,
	       const char *build_dir, const char *run_dir, struct tests_result *out)
{
	char *results = xasprintf("%s.results", run_dir);
	char *timeout = xasprintf("GRADER_TEST_TIMEOUT=%g", ex->test_timeout);
	const char *env[] = { "GRADER_RESULT_FD=3", timeout, NULL };
	const char *argv[] = { binary, "--jobs", "1", "--ascii", "--short-filename", NULL };
	const char *binds[] = { build_dir, NULL };
	struct buf rec = BUF_INIT;
	(void)ctx;

	int fd = open(results, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		out->status = ST_FAIL;
		out->reason = xasprintf("grader: cannot create %s: %s", results, strerror(errno));
		goto done;
	}
	/* Forty test timeouts plus start-up: the runner
	 * enforces each test's own; this bounds the whole run. */
	struct spawn sp = {
		.argv = argv, .env = env, .cwd = run_dir, .sandbox = 1, .ro_binds = binds,
		.timeout = 10 + 40 * ex->test_timeout, .cpu_seconds = 0,
		.memory_bytes = (size_t)2 << 30, .file_bytes = (size_t)64 << 20,
		.processes = 32, .output_cap = 64u << 10, .pass_fd = fd,
	};
	struct spawn_result res = SPAWN_RESULT_INIT;
	spawn_run(&sp, &res);
	close(fd);
	out->output = xstrndup(res.out.buf, res.out.len);

	int ended = 0;
	if (!read_file(&rec, results))
		ended = tests_parse_records(rec.buf, ex, out);

	out->total = out->nr_cases;
	out->passed = 0;
	for (size_t i = 0; i < out->nr_cases; i++) {
		struct test_case *c = &out->cases[i];
		if (c->status == CASE_PASSED)
			out->passed++;
		else if (c->status == CASE_MISSING && !c->message)
			c->message = xstrdup(res.timed_out ? "never reported: the test run was stopped for taking too long"
						     : "never reported: the test run ended before this test");
	}
	if (res.exec_failed) {
		out->reason = xasprintf("cannot run the tests: %s", res.out.buf);
	} else if (!out->nr_cases) {
		out->reason = xstrdup(res.flooded ? "the tests printed far too much output and were stopped"
						  : "no test ran: the test binary reported none");
	} else if (!ended && out->passed < out->total) {
		out->reason = xasprintf("the test run did not finish (%s)",
					res.timed_out ? "stopped after its time limit" :
					res.flooded ? "it printed far too much output" :
					res.signal ? strsignal(res.signal) : "it ended early");
	} else if (out->passed < out->total) {
		out->reason = xasprintf("%zu of %zu passed", out->passed, out->total);
	}
	out->status = out->nr_cases && out->passed == out->total ? ST_PASS : ST_FAIL;
	spawn_result_release(&res);
done:
	unlink(results);
	buf_release(&rec);
	free(results);
	free(timeout);
}
