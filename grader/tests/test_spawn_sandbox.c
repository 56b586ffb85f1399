/* test_spawn_sandbox.c - spawn's limits on untrusted runs: the grading's
 * deadline, the cap on a run's folder, and what the sandbox shows */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spawn.h"

static char *scratch(void)
{
	char *dir = strdup("/tmp/spawn-test-XXXXXX");
	cr_assert(mkdtemp(dir));
	chmod(dir, 0711);
	char *sub = malloc(strlen(dir) + 8);
	sprintf(sub, "%s/run", dir);
	cr_assert(!mkdir(sub, 0755));
	cr_assert(!spawn_prepare_dir(sub));
	free(dir);
	return sub;
}

static void cleanup(char *sub)
{
	const char *argv[] = { "rm", "-rf", NULL, NULL };
	char *parent = strdup(sub);
	*strrchr(parent, '/') = '\0';
	argv[2] = parent;
	struct spawn sp = { .argv = argv, .timeout = 20 };
	struct spawn_result res = SPAWN_RESULT_INIT;
	spawn_run(&sp, &res);
	spawn_result_release(&res);
	free(parent);
	free(sub);
}

Test(spawn_sandbox, deadline_stops_a_run_and_the_ones_after_it)
{
	const char *argv[] = { "sleep", "5", NULL };
	struct spawn sp = { .argv = argv, .timeout = 30 };
	struct spawn_result res = SPAWN_RESULT_INIT, after = SPAWN_RESULT_INIT;

	spawn_deadline_begin(0.5);
	cr_assert_eq(spawn_run(&sp, &res), 0);
	cr_expect(res.timed_out && res.deadline, "sleep 5 was not stopped at a 0.5 s deadline");
	cr_expect_lt(res.wall, 3, "stopped after %.1f s", res.wall);
	cr_assert_eq(spawn_run(&sp, &after), 0);
	cr_expect(after.deadline && after.timed_out, "a run after the deadline ran");
	cr_expect_lt(after.wall, 0.5);
	spawn_deadline_end();
	spawn_result_release(&res);
	spawn_result_release(&after);
}

Test(spawn_sandbox, a_run_that_fills_its_folder_is_stopped)
{
	char *dir = scratch();
	const char *argv[] = { "sh", "-c", "i=0; while [ $i -lt 400 ]; do head -c 1048576 /dev/zero > f$i; i=$((i+1)); done",
			       NULL };
	struct spawn sp = { .argv = argv, .cwd = dir, .timeout = 60, .sandbox = 1,
			    .disk_bytes = (size_t)16 << 20 };
	struct spawn_result res = SPAWN_RESULT_INIT;

	cr_assert_eq(spawn_run(&sp, &res), 0);
	cr_expect(res.disk_full, "400 MiB written into a folder capped at 16 MiB, and not stopped (status %d)",
		  res.status);
	cr_expect(res.out.len && strstr(res.out.buf, "filled its folder"));
	spawn_result_release(&res);
	cleanup(dir);
}

struct view_case {
	const char *what;
	const char *script; /* exits 0 when the sandbox holds */
};

static const struct view_case views[] = {
	{ "/etc/passwd is out of view", "! test -e /etc/passwd" },
	{ "/root and /home are out of view", "! test -e /root && ! test -e /home" },
	{ "the root is read-only", "! touch /x 2>/dev/null" },
	{ "/dev is read-only", "! touch /dev/x 2>/dev/null" },
	{ "/tmp is capped at 64 MiB", "! head -c 100000000 /dev/zero > /tmp/big 2>/dev/null" },
	{ "/dev/shm is capped at 64 MiB", "! head -c 100000000 /dev/zero > /dev/shm/big 2>/dev/null" },
	{ "the working folder is writable", "touch here" },
	{ "the loader and the system's programs work", "gcc --version >/dev/null && valgrind --version >/dev/null" },
};

Test(spawn_sandbox, what_the_sandbox_shows)
{
	if (!spawn_sandbox_available())
		cr_skip_test("no bubblewrap sandbox on this machine");
	char *dir = scratch();
	for (size_t i = 0; i < sizeof(views) / sizeof(*views); i++) {
		const char *argv[] = { "sh", "-c", views[i].script, NULL };
		struct spawn sp = { .argv = argv, .cwd = dir, .timeout = 30, .sandbox = 1 };
		struct spawn_result res = SPAWN_RESULT_INIT;
		cr_assert_eq(spawn_run(&sp, &res), 0);
		cr_expect_eq(res.status, 0, "%s: status %d: %s", views[i].what, res.status,
			     res.out.len ? res.out.buf : "");
		spawn_result_release(&res);
	}
	cleanup(dir);
}
