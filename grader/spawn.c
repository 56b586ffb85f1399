/* spawn.c - run one child process, limited, sandboxed, with its output captured */
#include "spawn.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEFAULT_CAP (64u << 10)
/* Without a sandbox, processes other runs may start while one runs. */
#define SHARED_ROOM 128

static pthread_once_t probe_once = PTHREAD_ONCE_INIT;
static int sandbox_ok;
/* Whether prlimit(1) can set the process limit inside the sandbox. */
static int prlimit_ok;
static uid_t run_uid = (uid_t)-1;
static __thread double thread_seconds;
/* now_seconds() by which every run of this thread ends, or 0. */
static __thread double thread_deadline;
/* Set while this thread probes for bubblewrap: its runs are wrapped. */
static __thread int probing;
/* What the sandbox shows of the machine: bwrap arguments, made once. */
static const char *view[64];
static size_t nr_view;

double spawn_thread_seconds(void)
{
	return thread_seconds;
}
static gid_t run_gid = (gid_t)-1;

/* When the grader runs as root (CI often does), children run as an
 * unprivileged user of this run's own: process-count limits do not apply
 * to root, and root could write anywhere. Not nobody: RLIMIT_NPROC counts
 * every process of the user, and daemons (or another grading) running as
 * nobody would eat into the submission's allowance. */
#define RUN_UID_BASE 61000
#define RUN_UID_SPAN 4000

void spawn_deadline_begin(double seconds)
{
	if (seconds <= 0) {
		const char *env = getenv("GRADER_TIME_LIMIT");
		seconds = env && atof(env) > 0 ? atof(env) : SPAWN_GRADING_SECONDS;
	}
	thread_deadline = now_seconds() + seconds;
}

void spawn_deadline_end(void)
{
	thread_deadline = 0;
}

static void add_view(const char *op, const char *a, const char *b)
{
	if (nr_view + 3 > sizeof(view) / sizeof(*view))
		return;
	view[nr_view++] = op;
	view[nr_view++] = a;
	view[nr_view++] = b;
}

/* The machine as a sandbox sees it: the system's programs and libraries
 * (read-only, symbolic links kept as such: /bin -> usr/bin), and of /etc
 * only what the loader reads. Not the rest of /etc, not /home, /root,
 * /srv, /opt or the course: the compiler and the code see only the
 * system, the run's own folders and what the grader binds in. */
static void make_view(void)
{
	static const char *const dirs[] = { "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", NULL };
	static const char *const etc[] = { "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d",
					   "/etc/alternatives", NULL };
	struct stat st;

	for (int i = 0; dirs[i]; i++) {
		if (lstat(dirs[i], &st))
			continue;
		if (S_ISLNK(st.st_mode)) {
			char target[4096];
			ssize_t n = readlink(dirs[i], target, sizeof(target) - 1);
			if (n <= 0)
				continue;
			target[n] = '\0';
			add_view("--symlink", xstrdup(target), dirs[i]);
		} else if (S_ISDIR(st.st_mode)) {
			add_view("--ro-bind", dirs[i], dirs[i]);
		}
	}
	for (int i = 0; etc[i]; i++)
		if (!lstat(etc[i], &st))
			add_view("--ro-bind", etc[i], etc[i]);
}

static void probe(void)
{
	if (geteuid() == 0) {
		run_uid = (uid_t)(RUN_UID_BASE + getpid() % RUN_UID_SPAN);
		run_gid = (gid_t)run_uid;
	}
	const char *env = getenv("GRADER_SANDBOX");
	if (env && !strcmp(env, "0"))
		return;
	make_view();
	/* The sandbox the runs get, around prlimit(1) and true(1). */
	const char *argv[] = { "prlimit", "--nproc=8", "--", "true", NULL };
	struct spawn sp = { .argv = argv, .timeout = 10, .sandbox = 1 };
	struct spawn_result res = SPAWN_RESULT_INIT;
	probing = 1;
	int r = spawn_run(&sp, &res);
	prlimit_ok = sandbox_ok = !r && res.status == 0;
	spawn_result_release(&res);
	if (!sandbox_ok) {
		/* bwrap without prlimit(1): a sandbox still, limited from outside. */
		struct spawn_result again = SPAWN_RESULT_INIT;
		sp.argv = argv + 3;
		r = spawn_run(&sp, &again);
		sandbox_ok = !r && again.status == 0;
		spawn_result_release(&again);
	}
	probing = 0;
}

int spawn_sandbox_available(void)
{
	pthread_once(&probe_once, probe);
	return sandbox_ok == 1;
}

const char *spawn_isolation(void)
{
	if (spawn_sandbox_available())
		return run_uid != (uid_t)-1 ? "bubblewrap sandbox, as an unprivileged user of this run's own"
					    : "bubblewrap sandbox";
	return run_uid != (uid_t)-1 ? "no sandbox (bubblewrap unavailable): resource limits only, as an unprivileged user of this run's own"
				    : "no sandbox (bubblewrap unavailable): resource limits only";
}

int spawn_prepare_dir(const char *dir)
{
	pthread_once(&probe_once, probe);
	if (run_uid != (uid_t)-1 && chown(dir, run_uid, run_gid))
		return -1;
	return chmod(dir, 0755);
}

/* Bytes that the files and folders under the folder fd hold (at least
 * 512 a name, so that empty files count too), adding up to more than
 * limit at most; more than limit when it nests deeper than depth. */
static size_t usage(int fd, size_t limit, int depth)
{
	size_t total = 0;
	DIR *d = fdopendir(fd);
	struct dirent *e;

	if (!d) {
		close(fd);
		return 0;
	}
	while (total <= limit && (e = readdir(d))) {
		struct stat st;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW))
			continue;
		total += (size_t)st.st_blocks * 512 > 512 ? (size_t)st.st_blocks * 512 : 512;
		if (S_ISDIR(st.st_mode)) {
			int sub = depth > 0 ? openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
			total += sub >= 0 ? usage(sub, limit - total + 1, depth - 1) : limit + 1;
		}
	}
	closedir(d);
	return total;
}

static size_t folder_usage(const char *dir, size_t limit)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	return fd < 0 ? 0 : usage(fd, limit, 16);
}

/* Processes owned by uid now: RLIMIT_NPROC counts them all, so the limit
 * must be this many plus what the child may add. */
static unsigned count_processes(uid_t uid)
{
	unsigned count = 0;
	DIR *d = opendir("/proc");
	struct dirent *e;
	if (!d)
		return 0;
	while ((e = readdir(d))) {
		struct stat st;
		char path[300];
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s", e->d_name);
		if (!stat(path, &st) && st.st_uid == uid)
			count++;
	}
	closedir(d);
	return count;
}

static void set_limit(int resource, rlim_t value)
{
	struct rlimit rl = { value, value };
	setrlimit(resource, &rl);
}

/* In the child, between fork and exec: only async-signal-safe calls. */
static void child(const struct spawn *sp, char **argv, char **envp, int out_fd, int err_fd,
		  rlim_t nproc, double cpu_seconds)
{
	int devnull = open("/dev/null", O_RDONLY);
	setpgid(0, 0);
	/* Out of the way of fds 0-3 first, so no dup2 below clobbers one. */
	err_fd = fcntl(err_fd, F_DUPFD_CLOEXEC, 10);
	out_fd = fcntl(out_fd, F_DUPFD_CLOEXEC, 10);
	int pass = sp->pass_fd > 0 ? fcntl(sp->pass_fd, F_DUPFD_CLOEXEC, 10) : -1;
	if (devnull >= 0)
		dup2(devnull, 0);
	dup2(out_fd, 1);
	dup2(out_fd, 2);
	if (pass >= 0)
		dup2(pass, 3);
	for (const int *g = sp->give_fds; g && g[0] >= 0; g += 2)
		if (dup2(g[0], g[1]) < 0)
			goto fail;
	if (sp->nofile) {
		struct rlimit rl;
		if (!getrlimit(RLIMIT_NOFILE, &rl)) {
			rl.rlim_cur = sp->nofile;
			setrlimit(RLIMIT_NOFILE, &rl);
		}
	}
	if (sp->cwd && chdir(sp->cwd))
		goto fail;
	if (cpu_seconds > 0)
		set_limit(RLIMIT_CPU, (rlim_t)(cpu_seconds + 1));
	if (sp->memory_bytes)
		set_limit(RLIMIT_AS, sp->memory_bytes);
	if (sp->file_bytes)
		set_limit(RLIMIT_FSIZE, sp->file_bytes);
	set_limit(RLIMIT_CORE, 0);
	if (run_uid != (uid_t)-1 && !sp->as_grader) {
		if (setgroups(0, NULL) || setgid(run_gid) || setuid(run_uid))
			goto fail;
	}
	if (nproc)
		set_limit(RLIMIT_NPROC, nproc);
	signal(SIGPIPE, SIG_DFL);
	execvpe(argv[0], argv, envp);
fail:
	{
		int e = errno;
		ssize_t w = write(err_fd, &e, sizeof(e));
		(void)w;
	}
	_exit(127);
}

/* The command line to run: sp->argv, inside bubblewrap when sandbox is
 * set, and behind prlimit(1) when nproc_arg is given. */
static char **build_argv(const struct spawn *sp, int sandbox, const char *nproc_arg)
{
	size_t n = 0, i = 0, extra = 0;
	while (sp->argv[n])
		n++;
	for (const char **b = sp->ro_binds; b && *b; b++)
		extra += 3;
	char **argv = xcalloc(n + extra + nr_view + 48, sizeof(*argv));
	if (sandbox) {
		static const char *const pre[] = {
			"bwrap", "--unshare-all", "--die-with-parent", "--new-session", NULL
		};
		/* /tmp and /dev/shm are memory: capped (the /dev that bwrap
		 * makes is read-only once /dev/shm is mounted on it). */
		static char tmpfs_size[32];
		if (!*tmpfs_size)
			snprintf(tmpfs_size, sizeof(tmpfs_size), "%zu", SPAWN_TMPFS_BYTES);
		const char *const post[] = {
			"--dev", "/dev", "--proc", "/proc", "--size", tmpfs_size, "--tmpfs", "/tmp",
			"--size", tmpfs_size, "--tmpfs", "/dev/shm", "--remount-ro", "/dev", NULL
		};
		for (const char *const *p = pre; *p; p++)
			argv[i++] = (char *)*p;
		for (size_t k = 0; k < nr_view; k++)
			argv[i++] = (char *)view[k];
		for (const char *const *p = post; *p; p++)
			argv[i++] = (char *)*p;
		for (const char **b = sp->ro_binds; b && *b; b++) {
			argv[i++] = (char *)"--ro-bind";
			argv[i++] = (char *)*b;
			argv[i++] = (char *)*b;
		}
		if (sp->cwd) {
			argv[i++] = (char *)"--bind";
			argv[i++] = (char *)sp->cwd;
			argv[i++] = (char *)sp->cwd;
			argv[i++] = (char *)"--chdir";
			argv[i++] = (char *)sp->cwd;
		}
		/* The sandbox's own root (a tmpfs of bwrap's) is written by
		 * nothing once every mount point is made. */
		argv[i++] = (char *)"--remount-ro";
		argv[i++] = (char *)"/";
		argv[i++] = (char *)"--";
		if (nproc_arg) {
			argv[i++] = (char *)"prlimit";
			argv[i++] = (char *)nproc_arg;
			argv[i++] = (char *)"--";
		}
	}
	for (size_t k = 0; k < n; k++)
		argv[i++] = (char *)sp->argv[k];
	argv[i] = NULL;
	return argv;
}

static char **build_env(const struct spawn *sp, char **owned)
{
	size_t n = 0;
	while (sp->env && sp->env[n])
		n++;
	char **envp = xcalloc(n + 8, sizeof(*envp));
	size_t i = 0;
	envp[i++] = (char *)"PATH=/usr/local/bin:/usr/bin:/bin";
	envp[i++] = (char *)"LC_ALL=C";
	envp[i++] = (char *)"TMPDIR=/tmp";
	*owned = xasprintf("HOME=%s", sp->cwd ? sp->cwd : "/nonexistent");
	envp[i++] = *owned;
	for (size_t k = 0; k < n; k++)
		envp[i++] = (char *)sp->env[k];
	envp[i] = NULL;
	return envp;
}

/* The limits one run gets, worked out before it starts. */
struct run_limits {
	double timeout;       /* wall seconds, the thread's deadline included; 0 for none */
	int by_deadline;      /* the timeout is the thread's deadline */
	double cpu_seconds;   /* RLIMIT_CPU, or 0 */
	size_t disk;          /* the most it may leave in its folder, or 0 */
	rlim_t nproc;         /* RLIMIT_NPROC set from outside, or 0 */
	char nproc_arg[48];   /* "--nproc=N" for prlimit(1) inside the sandbox, or "" */
};

/* Works out lim for sp. Returns 1 (res says why) when the thread's
 * deadline has passed and the run must not start, else 0. */
static int plan_limits(const struct spawn *sp, int sandbox, struct run_limits *lim, struct spawn_result *res)
{
	memset(lim, 0, sizeof(*lim));
	lim->timeout = sp->timeout;
	lim->cpu_seconds = sp->cpu_seconds;
	if (thread_deadline > 0) {
		double left = thread_deadline - now_seconds();
		if (left <= 0) {
			res->timed_out = res->deadline = 1;
			res->signal = SIGKILL;
			res->status = 128 + SIGKILL;
			buf_addf(&res->out, "grader: '%s' was not run: the grading's time limit had passed\n", sp->argv[0]);
			return 1;
		}
		if (lim->timeout <= 0 || left < lim->timeout) {
			lim->timeout = left;
			lim->by_deadline = 1;
		}
	}
	/* Untrusted runs: a CPU limit of two cores' worth of their wall
	 * time unless they name one, and a cap on their folder. */
	if (sp->sandbox && !sp->as_grader && lim->cpu_seconds <= 0 && lim->timeout > 0)
		lim->cpu_seconds = 2 * lim->timeout;
	if (sp->sandbox && !sp->as_grader && sp->cwd)
		lim->disk = sp->disk_bytes ? sp->disk_bytes : SPAWN_DISK_DEFAULT;
	/* RLIMIT_NPROC counts a user's processes, and every sandbox runs as
	 * the same user: set from outside, one run's fork storm would use up
	 * what the runs beside it may start. A sandbox has a user namespace of
	 * its own, where the count starts from nothing, so the limit is set
	 * in there, by prlimit(1) (its init and the command count too).
	 * Without one, the limit is what the user has now plus what the child
	 * may add, plus room for what the runs beside it start meanwhile:
	 * a storm is still stopped, a busy neighbour is not starved. */
	if (sp->processes && sandbox && prlimit_ok)
		snprintf(lim->nproc_arg, sizeof(lim->nproc_arg), "--nproc=%u", sp->processes + 2);
	else if (sp->processes)
		lim->nproc = count_processes(run_uid != (uid_t)-1 ? run_uid : getuid()) + sp->processes + SHARED_ROOM;
	return 0;
}

/* Forks and execs the child with its stdout and stderr on *out_fd (the
 * read end, non-blocking). Returns its pid, or -1 (res says why). */
static pid_t start_child(const struct spawn *sp, int sandbox, const struct run_limits *lim,
			 int *out_fd, struct spawn_result *res)
{
	int out[2], err[2];

	if (pipe2(out, O_CLOEXEC)) {
		res->exec_failed = 1;
		buf_addf(&res->out, "cannot make a pipe: %s", strerror(errno));
		return -1;
	}
	if (pipe2(err, O_CLOEXEC)) {
		close(out[0]);
		close(out[1]);
		res->exec_failed = 1;
		buf_addf(&res->out, "cannot make a pipe: %s", strerror(errno));
		return -1;
	}
	char *home;
	char **argv = build_argv(sp, sandbox, *lim->nproc_arg ? lim->nproc_arg : NULL);
	char **envp = build_env(sp, &home);

	pid_t pid = fork();
	if (pid == 0)
		child(sp, argv, envp, out[1], err[1], lim->nproc, lim->cpu_seconds);
	close(out[1]);
	close(err[1]);
	free(argv);
	free(envp);
	free(home);
	if (pid < 0) {
		close(out[0]);
		close(err[0]);
		res->exec_failed = 1;
		buf_addf(&res->out, "cannot fork: %s", strerror(errno));
		return -1;
	}
	setpgid(pid, pid);

	int exec_errno = 0;
	ssize_t got = read(err[0], &exec_errno, sizeof(exec_errno));
	close(err[0]);
	if (got == (ssize_t)sizeof(exec_errno)) {
		waitpid(pid, NULL, 0);
		close(out[0]);
		res->exec_failed = 1;
		res->status = 127;
		buf_addf(&res->out, "cannot run '%s': %s", sp->argv[0], strerror(exec_errno));
		return -1;
	}
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	*out_fd = out[0];
	return pid;
}

/* Reads what the child printed so far into res (up to cap of it; *seen
 * counts it all) and kills a child that floods. Returns 0 at end of
 * output, 1 while it may print more. */
static int read_output(int fd, pid_t pid, size_t cap, size_t *seen, struct spawn_result *res)
{
	char chunk[16384];
	int open_out = 1;

	for (;;) {
		ssize_t r = read(fd, chunk, sizeof(chunk));
		if (r > 0) {
			if (*seen < cap)
				buf_add(&res->out, chunk, *seen + (size_t)r > cap ? cap - *seen : (size_t)r);
			*seen += (size_t)r;
			continue;
		}
		if (r == 0)
			open_out = 0;
		break;
	}
	if (*seen > cap)
		res->truncated = 1;
	if (*seen > cap * SPAWN_FLOOD_FACTOR && !res->flooded) {
		res->flooded = 1;
		kill(-pid, SIGKILL);
	}
	return open_out;
}

/* Kills the running child's group when it passed its time, was
 * cancelled or filled its folder (res says which). */
static void enforce_limits(const struct spawn *sp, pid_t pid, const struct run_limits *lim,
			   double start, double *next_disk_check, struct spawn_result *res)
{
	if (lim->timeout > 0 && now_seconds() - start > lim->timeout && !res->timed_out) {
		res->timed_out = 1;
		res->deadline = lim->by_deadline;
		kill(-pid, SIGKILL);
	}
	if (sp->cancel && __atomic_load_n(sp->cancel, __ATOMIC_ACQUIRE) && !res->cancelled) {
		res->cancelled = 1;
		kill(-pid, SIGKILL);
	}
	if (lim->disk && !res->disk_full && now_seconds() > *next_disk_check) {
		*next_disk_check = now_seconds() + 0.1;
		if (folder_usage(sp->cwd, lim->disk) > lim->disk) {
			res->disk_full = 1;
			kill(-pid, SIGKILL);
		}
	}
}

int spawn_run(const struct spawn *sp, struct spawn_result *res)
{
	size_t cap = sp->output_cap ? sp->output_cap : DEFAULT_CAP;
	size_t seen = 0;
	int sandbox = 0;
	struct run_limits lim;

	if (probing) {
		sandbox = 1;
	} else {
		pthread_once(&probe_once, probe);
		sandbox = sp->sandbox && sandbox_ok == 1;
	}
	if (plan_limits(sp, sandbox, &lim, res))
		return 0;

	int fd = -1;
	double start = now_seconds(), next_disk_check = 0;
	pid_t pid = start_child(sp, sandbox, &lim, &fd, res);
	if (pid < 0)
		return -1;

	int wstatus = 0, exited = 0, open_out = 1;
	struct rusage ru;
	memset(&ru, 0, sizeof(ru));
	while (!exited || open_out) {
		if (open_out) {
			struct pollfd pfd = { fd, POLLIN, 0 };
			poll(&pfd, 1, exited ? 0 : 50);
			open_out = read_output(fd, pid, cap, &seen, res);
		}
		if (!exited) {
			pid_t w = wait4(pid, &wstatus, WNOHANG, &ru);
			if (w == pid) {
				exited = 1;
				/* Whatever the child left running goes with it; an
				 * escaped grandchild may hold the pipe, so read only
				 * what is there now. */
				kill(-pid, SIGKILL);
			} else if (w < 0 && errno != EINTR) {
				exited = 1;
			}
			if (!exited)
				enforce_limits(sp, pid, &lim, start, &next_disk_check, res);
			if (!exited && !open_out)
				usleep(2000);
		} else if (open_out) {
			/* drained once after exit: stop */
			char chunk[16384];
			while (read(fd, chunk, sizeof(chunk)) > 0)
				;
			open_out = 0;
		}
	}
	close(fd);
	if (res->disk_full)
		buf_addf(&res->out, "\ngrader: the run filled its folder past %zu MiB and was stopped\n", lim.disk >> 20);
	if (res->deadline)
		buf_addf(&res->out, "\ngrader: the run was stopped at the grading's time limit\n");
	res->wall = now_seconds() - start;
	thread_seconds += res->wall;
	res->cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	if (WIFSIGNALED(wstatus)) {
		res->signal = WTERMSIG(wstatus);
		res->status = 128 + res->signal;
	} else {
		res->status = WEXITSTATUS(wstatus);
	}
	return 0;
}

void spawn_result_release(struct spawn_result *res)
{
	buf_release(&res->out);
}
