/* spawn.h - run one child process, limited, sandboxed, with its output captured
 *
 * Every program the grader runs (compiler, test binary, valgrind, benchmark
 * runner) goes through spawn_run(): argv without a shell, its own process
 * group, wall-clock and resource limits, a cap on captured output, a
 * scrubbed environment, and, where bubblewrap works, a sandbox with no
 * network, size-capped private /tmp and /dev/shm, only the system's
 * folders (/usr, /lib*, /bin, the loader's cache) and the run's own
 * folders in view, and only its working folder writable.
 *
 * Untrusted runs (sandbox set) also get a CPU-time limit when they name
 * none (twice their wall-clock timeout: two cores' worth) and a cap on
 * what they may leave in their working folder (disk_bytes, default
 * SPAWN_DISK_DEFAULT), checked as they run. A thread may set a deadline
 * (spawn_deadline_begin) that every run it starts ends by.
 */
#ifndef SPAWN_H
#define SPAWN_H

#include <stddef.h>

#include "util.h"

/* A child that prints this many times its output cap is flooding: it is
 * killed (res->flooded). */
#define SPAWN_FLOOD_FACTOR 64

/* What a sandboxed run may leave in its working folder, by default. */
#define SPAWN_DISK_DEFAULT ((size_t)256 << 20)
/* The size of a sandbox's private /tmp and of its /dev/shm: memory the
 * machine gives, so small. */
#define SPAWN_TMPFS_BYTES ((size_t)64 << 20)
/* The wall-clock seconds within which one exercise's grading ends, every
 * step of it (pipeline.c sets the deadline; GRADER_TIME_LIMIT changes it):
 * under the 60 s the README promises, with room for the grader's own work. */
#define SPAWN_GRADING_SECONDS 55

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
	size_t disk_bytes;    /* the most a sandboxed run may leave in cwd (files and
			       * folders under it); 0 for SPAWN_DISK_DEFAULT */
};

struct spawn_result {
	int status;           /* exit code, or 128 + signal when killed */
	int signal;           /* the signal that ended it, or 0 */
	int timed_out;        /* killed by the wall-clock timeout */
	int truncated;        /* output went past output_cap */
	int flooded;          /* killed for printing far past output_cap */
	int exec_failed;      /* the program could not be started: see out */
	int cancelled;        /* killed because *sp->cancel was set */
	int disk_full;        /* killed for filling its folder past disk_bytes */
	int deadline;         /* stopped (or never started) at the thread's deadline */
	struct buf out;       /* stdout and stderr, interleaved as printed */
	double wall;          /* seconds */
	double cpu;           /* user + system seconds of the child and its children */
};

/* The limit profiles: the one place where each kind of run gets its limits.
 * Each expands to designated initialisers for a struct spawn, to which a
 * call site adds what is its own (argv, cwd, timeout, binds, channels) and
 * never one of these fields again.
 *
 * SPAWN_COMPILER: the compiler and linker over the submission's sources, in
 *   the sandbox (gcc starts cc1, as, collect2, ld: a few processes).
 * SPAWN_UNDER_TOOL: the submission's code run under valgrind or the
 *   benchmark runner, in the sandbox (valgrind needs far more address space
 *   than the program it runs; a threaded exercise may start threads).
 * SPAWN_TESTS: the Criterion test binary, in the sandbox (its memory limit
 *   depends on the exercise and is set by the call site).
 * SPAWN_HELPER: the grader's own reading of files it made (nm, objdump,
 *   addr2line, cc -print-*): trusted programs over trusted input, bounded
 *   only in time and output. */
#define SPAWN_COMPILE_SECONDS 60
#define SPAWN_COMPILER \
	.sandbox = 1, .timeout = SPAWN_COMPILE_SECONDS, .processes = 64, \
	.memory_bytes = (size_t)4 << 30, .file_bytes = (size_t)256 << 20, .output_cap = 256u << 10
#define SPAWN_UNDER_TOOL \
	.sandbox = 1, .processes = 32, .memory_bytes = (size_t)8 << 30, \
	.file_bytes = (size_t)256 << 20, .output_cap = 32u << 10
#define SPAWN_TESTS \
	.sandbox = 1, .processes = 32, .file_bytes = (size_t)64 << 20
#define SPAWN_HELPER .timeout = 20, .output_cap = 1u << 20

#define SPAWN_RESULT_INIT { 0, 0, 0, 0, 0, 0, 0, 0, 0, BUF_INIT, 0, 0 }

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

/* From now on, every run the calling thread starts ends (killed, as a
 * timeout, with res->deadline set) by seconds from now, and one started
 * after it does not run at all; seconds <= 0 takes GRADER_TIME_LIMIT from
 * the environment, else SPAWN_GRADING_SECONDS. spawn_deadline_end() lifts
 * it. */
void spawn_deadline_begin(double seconds);
void spawn_deadline_end(void);

/* Whether a bubblewrap sandbox can be made on this machine (tested once). */
int spawn_sandbox_available(void);

/* Prepares folder dir to be the writable working folder of sandboxed
 * children (owned by the unprivileged user they run as). Returns 0 or -1. */
int spawn_prepare_dir(const char *dir);

/* A short description of the isolation in force, for reports. */
const char *spawn_isolation(void);

#endif
