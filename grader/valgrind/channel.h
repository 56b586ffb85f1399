/* channel.h - valgrind's results on descriptors the code under test cannot reach
 *
 * valgrind runs the code under test in its own process, as the same user:
 * any file valgrind writes, that code can write first, replace, or rewrite
 * from an atexit handler. A channel is instead a descriptor the child gets
 * at a number above every number the code under test may use. valgrind
 * raises RLIMIT_NOFILE by a few descriptors for itself and refuses the
 * client's system calls on any descriptor at or above the limit it shows
 * the client (EBADF), whatever instruction made the call, machine code made
 * at run time included; the client cannot raise that limit. spawn gives
 * each channel to the child at such a number and lowers the child's soft
 * RLIMIT_NOFILE below it (struct spawn's give_fds and nofile).
 *
 * CHANNEL_SOCKET, for --log-fd=N: a socket cannot even be reopened through
 * /proc/self/fd/N (ENXIO), so nothing of it is within the client's reach.
 *
 * CHANNEL_PIPE, for the tools that take a file name
 * (--callgrind-out-file=/proc/self/fd/N, --massif-out-file=...): valgrind
 * opens the path, and so can the client, to append to the pipe (never to
 * rewrite or remove what is in it). Its reader must take the stream as
 * append-only evidence: exactly one well-formed record where one is
 * expected, anything else an error.
 *
 * A thread drains each channel while the child runs, so valgrind never
 * waits on a full pipe; on_data (when set) sees each growth of data there.
 *
 *	struct channel ch = CHANNEL_INIT;
 *	channel_open(&ch, CHANNEL_PIPE, 0, NULL, NULL);
 *	... give channel_fds() and channel_nofile() to spawn_run ...
 *	channel_finish(&ch);   (ch.data holds all that arrived)
 *	channel_release(&ch);
 */
#ifndef CHANNEL_H
#define CHANNEL_H

#include <pthread.h>
#include <stddef.h>

#include "util.h"

enum channel_kind { CHANNEL_SOCKET, CHANNEL_PIPE };

/* The most a channel keeps; what arrives past it sets overflow. */
#define CHANNEL_CAP ((size_t)64 << 20)
/* Channels one child may have (numbers below the top of its table). */
#define CHANNEL_MAX 4

struct channel {
	enum channel_kind kind;
	int number;          /* the descriptor's number in the child, -1 before open */
	char path[48];       /* "/proc/self/fd/<number>" */
	char log_arg[48];    /* "--log-fd=<number>" */
	struct buf data;     /* what arrived; complete after channel_finish */
	int overflow;        /* more than CHANNEL_CAP arrived */
	/* Called by the reading thread after data grew, with arg; data is
	 * not to be changed. */
	void (*on_data)(const struct buf *data, void *arg);
	void *arg;

	int rd, wr;          /* the grader's ends */
	int started, stop;
	double stop_at;
	pthread_t thread;
};

#define CHANNEL_INIT { CHANNEL_SOCKET, -1, "", "", BUF_INIT, 0, NULL, NULL, -1, -1, 0, 0, 0, 0 }

/* Makes a channel of kind in slot (0 .. CHANNEL_MAX-1: channels given to
 * the same child need different slots) and starts draining it. Returns 0,
 * or -1 with an error printed (no descriptor left, a limit too low to make
 * room above the client's descriptors); ch is then safe to release. */
int channel_open(struct channel *ch, enum channel_kind kind, int slot,
		 void (*on_data)(const struct buf *data, void *arg), void *arg);

/* Fills pairs (room for 2 * nr + 1 ints) with each open channel's
 * descriptor and number, ended by -1, for struct spawn's give_fds. */
void channel_fds(struct channel *const *chs, size_t nr, int *pairs);

/* The soft RLIMIT_NOFILE to give a child holding channels: low enough
 * that valgrind's own reserve, added on top, stays below every channel. */
unsigned long channel_nofile(void);

/* After the child has ended: closes the grader's writing end and waits
 * (up to 2 seconds for a descriptor some leftover process still holds)
 * for the rest. data is then final. Returns 0, or -1 when the stream did
 * not end (data holds what came). */
int channel_finish(struct channel *ch);

/* One process's part of a valgrind log that came through a channel. */
struct channel_log {
	long pid;
	struct buf text;     /* its lines, in the order they came */
};

/* Splits a valgrind log (--log-fd, any number of processes, as with
 * --trace-children=yes) by process: every line must be valgrind's,
 * "==PID== ..." or "**PID** ..." (what the client asked valgrind to print),
 * the log must end with a whole line, and no more than max processes may
 * appear. Returns 0 with *logs (ascending pid, *nr of them; free with
 * channel_logs_free) or -1 with *err, a malloc'd message such as
 * "line 3 is not valgrind's". */
int channel_log_split(const char *text, size_t len, size_t max, struct channel_log **logs, size_t *nr,
		      char **err);

void channel_logs_free(struct channel_log *logs, size_t nr);

/* Finishes ch if needed and frees what it holds; safe to call twice. */
void channel_release(struct channel *ch);

#endif
