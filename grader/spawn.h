/* spawn.h - run one child process, limited, sandboxed, with its output captured
 *
 * Every program the grader runs (compiler, test binary, valgrind, benchmark
 * runner) goes through spawn_run(): argv without a shell, its own process
 * group, wall-clock and resource limits, a cap on captured output, a
 * scrubbed environment, and, where bubblewrap works, a sandbox with no
 * network, a private /tmp and only its working folder writable.
 */
#ifndef SPAWN_H
#define SPAWN_H

#include <stddef.h>

#include "util.h"

/* A child that prints this many times its output cap is flooding: it is
 * killed (res->flooded). */
#define SPAWN_FLOOD_FACTOR 64

struct spawn {
	const char **argv;    /* argv[0] is looked up in PATH */
	const char **env;     /* extra "K=V" entries on top of the scrubbed set; may be NULL */
	const char *cwd;      /* working folder: the only one the child may write */
	double timeout;       /* wall seconds; 0 for none */
	double cpu_seconds;   /* RLIMIT_CPU; 0 leaves it */
	size_t memory_bytes;  /* RLIMIT_AS; 0 leaves it */
	size_t file_bytes;    /* RLIMIT_FSIZE; 0 leaves it */
	unsigned processes;   /* processes (and threads) it may add (RLIMIT_NPROC): counted
			       * inside its own sandbox when there is one, else against all
			       * of the user's; 0 leaves it */
	size_t output_cap;    /* bytes of stdout+stderr kept; default 64 KiB; killed at
			       * SPAWN_FLOOD_FACTOR times as much */
	int sandbox;          /* run inside bubblewrap when available */
	int as_grader;        /* run as the grader's own user even when it is root:
			       * only for the grader's own trusted steps (compiling
			       * its runner), never with the submission's code */
	int pass_fd;          /* an fd the child gets as fd 3, or -1 (0 means none too) */
	const char **ro_binds; /* extra folders readable in the sandbox (NULL-terminated) */
	const int *give_fds;  /* pairs fd, number, ..., then -1: the child gets each fd as
			       * that number (valgrind/channel.h); may be NULL */
	unsigned long nofile; /* the child's RLIMIT_NOFILE soft limit (the hard one is
			       * kept); 0 leaves it */
	const int *cancel;    /* when *cancel becomes nonzero (another thread sets it), the
			       * child is killed as on a timeout, res->cancelled; may be NULL */
};

struct spawn_result {
	int status;           /* exit code, or 128 + signal when killed */
	int signal;           /* the signal that ended it, or 0 */
	int timed_out;        /* killed by the wall-clock timeout */
	int truncated;        /* output went past output_cap */
	int flooded;          /* killed for printing far past output_cap */
	int exec_failed;      /* the program could not be started: see out */
	int cancelled;        /* killed because *sp->cancel was set */
	struct buf out;       /* stdout and stderr, interleaved as printed */
	double wall;          /* seconds */
	double cpu;           /* user + system seconds of the child and its children */
};

#define SPAWN_RESULT_INIT { 0, 0, 0, 0, 0, 0, 0, BUF_INIT, 0, 0 }

/* Runs sp and waits for it and for every process it started (the whole
 * process group is killed when the child ends or times out). Returns 0 when
 * the child ran (whatever its status), -1 when it could not be started
 * (res->exec_failed set, res->out says why). Release res with
 * spawn_result_release(). Safe to call from several threads at once. */
int spawn_run(const struct spawn *sp, struct spawn_result *res);

void spawn_result_release(struct spawn_result *res);

/* Wall seconds spent waiting for children spawned by the calling thread
 * since it started: the grader's own overhead is the rest. */
double spawn_thread_seconds(void);

/* Whether a bubblewrap sandbox can be made on this machine (tested once). */
int spawn_sandbox_available(void);

/* Prepares folder dir to be the writable working folder of sandboxed
 * children (owned by the unprivileged user they run as). Returns 0 or -1. */
int spawn_prepare_dir(const char *dir);

/* A short description of the isolation in force, for reports. */
const char *spawn_isolation(void);

#endif
