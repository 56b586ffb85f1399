/* test_spawn.c - spawn_run: limits, signals, exec failures and floods, on real processes
 *
 * Each case runs sh (no sandbox: the point is spawn's own mechanics) and
 * checks what spawn_run reports. A case that passed without spawn doing its
 * job would have to see a status, a signal or a wall time it could not.
 */
#include <criterion/criterion.h>

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spawn.h"
#include "util.h"

static int run_sh(const char *script, double timeout, double cpu, size_t cap, struct spawn_result *res)
{
	const char *argv[] = { "sh", "-c", script, NULL };
	struct spawn sp = { .argv = argv, .timeout = timeout, .cpu_seconds = cpu, .output_cap = cap };
	return spawn_run(&sp, res);
}

/* How ordinary endings are reported: the status as given, 128 + signal
 * for a signal, and the signal itself. */
static const struct {
	const char *script;
	int status, signal;
} endings[] = {
	{ "exit 0", 0, 0 },
	{ "exit 7", 7, 0 },
	{ "kill -SEGV $$", 128 + SIGSEGV, SIGSEGV },
	{ "kill -KILL $$", 128 + SIGKILL, SIGKILL },
	{ "kill -TERM $$", 128 + SIGTERM, SIGTERM },
	{ "kill -ABRT $$", 128 + SIGABRT, SIGABRT },
};

Test(spawn, status_and_signal)
{
	for (size_t i = 0; i < sizeof(endings) / sizeof(*endings); i++) {
		struct spawn_result res = SPAWN_RESULT_INIT;
		cr_assert_eq(run_sh(endings[i].script, 20, 0, 0, &res), 0, "%s", endings[i].script);
		cr_expect_eq(res.status, endings[i].status, "%s: status %d", endings[i].script, res.status);
		cr_expect_eq(res.signal, endings[i].signal, "%s: signal %d", endings[i].script, res.signal);
		cr_expect_eq(res.timed_out, 0, "%s", endings[i].script);
		cr_expect_eq(res.exec_failed, 0, "%s", endings[i].script);
		spawn_result_release(&res);
	}
}

Test(spawn, exec_failure_is_reported)
{
	const char *argv[] = { "/nonexistent/grader-test-program", "x", NULL };
	struct spawn sp = { .argv = argv, .timeout = 10 };
	struct spawn_result res = SPAWN_RESULT_INIT;
	cr_expect_eq(spawn_run(&sp, &res), -1);
	cr_expect_eq(res.exec_failed, 1);
	cr_expect_eq(res.status, 127);
	cr_expect_not_null(strstr(res.out.buf, "cannot run '/nonexistent/grader-test-program'"), "%s", res.out.buf);
	cr_expect_not_null(strstr(res.out.buf, strerror(ENOENT)), "%s", res.out.buf);
	spawn_result_release(&res);
}

Test(spawn, output_is_captured_in_order)
{
	struct spawn_result res = SPAWN_RESULT_INIT;
	cr_assert_eq(run_sh("echo one; echo two >&2; echo three", 20, 0, 0, &res), 0);
	cr_expect_str_eq(res.out.buf, "one\ntwo\nthree\n");
	cr_expect_eq(res.truncated, 0);
	spawn_result_release(&res);
}

/* A timeout kills the whole group: a grandchild that sleeps in the
 * background is gone too, and the run ends near its limit, not the
 * grandchild's. */
Test(spawn, timeout_kills_the_group, .timeout = 30)
{
	struct spawn_result res = SPAWN_RESULT_INIT;
	double start = now_seconds();
	cr_assert_eq(run_sh("sleep 60 & echo $!; wait", 1, 0, 0, &res), 0);
	double wall = now_seconds() - start;
	cr_expect_eq(res.timed_out, 1);
	cr_expect_eq(res.signal, SIGKILL, "signal %d", res.signal);
	cr_expect_lt(wall, 15, "took %.1f s", wall);
	pid_t grandchild = (pid_t)atoi(res.out.buf);
	cr_assert_gt(grandchild, 1, "no pid in '%s'", res.out.buf);
	int alive = 1;
	for (int i = 0; i < 100 && alive; i++) {
		alive = kill(grandchild, 0) == 0;
		if (alive)
			usleep(20000);
	}
	cr_expect_eq(alive, 0, "the background sleep %d outlived the timeout", (int)grandchild);
	spawn_result_release(&res);
}

/* A child that prints without end is stopped at SPAWN_FLOOD_FACTOR times
 * the cap, and only the cap is kept. */
Test(spawn, output_flood_is_stopped, .timeout = 60)
{
	struct spawn_result res = SPAWN_RESULT_INIT;
	const size_t cap = 1024;
	cr_assert_eq(run_sh("while :; do echo 0123456789abcdef0123456789abcdef; done", 50, 0, cap, &res), 0);
	cr_expect_eq(res.flooded, 1);
	cr_expect_eq(res.truncated, 1);
	cr_expect_eq(res.timed_out, 0, "it ran until its timeout instead");
	cr_expect_eq(res.out.len, cap, "kept %zu bytes", res.out.len);
	cr_expect_eq(res.signal, SIGKILL, "signal %d", res.signal);
	spawn_result_release(&res);
}

/* A CPU limit ends a busy loop long before its wall-clock timeout. */
Test(spawn, cpu_limit_ends_a_busy_loop, .timeout = 90)
{
	struct spawn_result res = SPAWN_RESULT_INIT;
	cr_assert_eq(run_sh("while :; do :; done", 60, 1, 0, &res), 0);
	cr_expect_eq(res.timed_out, 0, "the wall-clock timeout ended it, not the CPU limit");
	cr_expect(res.signal == SIGXCPU || res.signal == SIGKILL, "signal %d", res.signal);
	cr_expect_geq(res.cpu, 0.9, "cpu %.2f s", res.cpu);
	cr_expect_lt(res.cpu, 5, "cpu %.2f s", res.cpu);
	spawn_result_release(&res);
}
