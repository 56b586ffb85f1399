/* channel.c - valgrind's results on descriptors the code under test cannot reach */
#include "valgrind/channel.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* Channels sit at the top of a table of at most this many: a larger table
 * costs every child memory for nothing. */
#define TABLE_MAX 4096
/* Room between the client's limit and the lowest channel: valgrind adds
 * its reserve (12 descriptors in 3.19) on top of the limit it is given. */
#define ROOM 64

static unsigned long table_size(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl))
		return 0;
	return rl.rlim_cur > TABLE_MAX ? TABLE_MAX : (unsigned long)rl.rlim_cur;
}

unsigned long channel_nofile(void)
{
	return table_size() - ROOM;
}

static void *drain(void *arg)
{
	struct channel *ch = arg;
	char chunk[65536];

	for (;;) {
		struct pollfd pfd = { ch->rd, POLLIN, 0 };
		int stop = __atomic_load_n(&ch->stop, __ATOMIC_ACQUIRE);
		int ready = poll(&pfd, 1, stop ? 0 : 100);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready <= 0 || (stop && now_seconds() > ch->stop_at + 1)) {
			if (stop)
				break; /* stopped, and nothing more is there (or a leftover
					* process keeps writing) */
			continue;
		}
		ssize_t r = read(ch->rd, chunk, sizeof(chunk));
		if (r < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (r <= 0)
			break;
		if (ch->data.len + (size_t)r > CHANNEL_CAP) {
			ch->overflow = 1;
			continue;
		}
		buf_add(&ch->data, chunk, (size_t)r);
		if (ch->on_data)
			ch->on_data(&ch->data, ch->arg);
	}
	return NULL;
}

int channel_open(struct channel *ch, enum channel_kind kind, int slot,
		 void (*on_data)(const struct buf *data, void *arg), void *arg)
{
	int fds[2];
	unsigned long size = table_size();

	ch->kind = kind;
	ch->on_data = on_data;
	ch->arg = arg;
	if (slot < 0 || slot >= CHANNEL_MAX || size < 4 * ROOM)
		return error("cannot make a channel: descriptor limit %lu is too low", size);
	if (kind == CHANNEL_SOCKET ? socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds)
				   : pipe2(fds, O_CLOEXEC))
		return error("cannot make a channel: %s", strerror(errno));
	ch->rd = fds[0];
	ch->wr = fds[1];
	if (kind == CHANNEL_SOCKET)
		shutdown(ch->rd, SHUT_WR); /* one way: nothing goes back to the child */
	/* valgrind reopens a pipe by its path, as the user the child runs as
	 * (not ours when we are root); only the child's own process reaches
	 * /proc/self/fd, so the pipe's mode is no wider an opening. */
	if (kind == CHANNEL_PIPE && fchmod(ch->wr, 0666)) {
		error("cannot open a channel to its child: %s", strerror(errno));
		close(ch->rd);
		close(ch->wr);
		ch->rd = ch->wr = -1;
		return -1;
	}
	ch->number = (int)(size - 1 - (unsigned long)slot);
	snprintf(ch->path, sizeof(ch->path), "/proc/self/fd/%d", ch->number);
	snprintf(ch->log_arg, sizeof(ch->log_arg), "--log-fd=%d", ch->number);
	if (pthread_create(&ch->thread, NULL, drain, ch)) {
		close(ch->rd);
		close(ch->wr);
		ch->rd = ch->wr = ch->number = -1;
		return error("cannot start a thread to read a channel");
	}
	ch->started = 1;
	return 0;
}

void channel_fds(struct channel *const *chs, size_t nr, int *pairs)
{
	size_t k = 0;
	for (size_t i = 0; i < nr; i++) {
		if (!chs[i] || chs[i]->wr < 0)
			continue;
		pairs[k++] = chs[i]->wr;
		pairs[k++] = chs[i]->number;
	}
	pairs[k] = -1;
}

int channel_finish(struct channel *ch)
{
	int ret = 0;
	if (ch->wr >= 0) {
		close(ch->wr);
		ch->wr = -1;
	}
	if (!ch->started)
		return 0;
	/* Normally the end of the stream stops the thread at once; a process
	 * left holding the other end gets 2 seconds. */
	double deadline = now_seconds() + 2;
	for (;;) {
		struct pollfd pfd = { ch->rd, POLLRDHUP | POLLHUP, 0 };
		if (poll(&pfd, 1, 0) > 0 && (pfd.revents & (POLLHUP | POLLRDHUP)))
			break;
		if (now_seconds() > deadline) {
			ret = -1;
			break;
		}
		usleep(5000);
	}
	ch->stop_at = now_seconds();
	__atomic_store_n(&ch->stop, 1, __ATOMIC_RELEASE);
	pthread_join(ch->thread, NULL);
	ch->started = 0;
	return ret;
}

void channel_release(struct channel *ch)
{
	channel_finish(ch);
	if (ch->rd >= 0)
		close(ch->rd);
	ch->rd = -1;
	buf_release(&ch->data);
	ch->number = -1;
}

/* The pid of a valgrind log line, "==123== ..." or "**123** ...", or -1. */
static long line_pid(const char *line, size_t n)
{
	if (n < 5 || (line[0] != '=' && line[0] != '*') || line[1] != line[0])
		return -1;
	char mark = line[0];
	size_t i = 2;
	long pid = 0;
	while (i < n && line[i] >= '0' && line[i] <= '9' && pid < 100000000)
		pid = pid * 10 + (line[i++] - '0');
	if (i == 2 || i + 1 >= n || line[i] != mark || line[i + 1] != mark)
		return -1;
	return pid;
}

static int by_pid(const void *a, const void *b)
{
	long x = ((const struct channel_log *)a)->pid, y = ((const struct channel_log *)b)->pid;
	return (x > y) - (x < y);
}

int channel_log_split(const char *text, size_t len, size_t max, struct channel_log **logs, size_t *nr,
		      char **err)
{
	const char *p = text, *end = text + len;
	unsigned lineno = 0;
	size_t alloc = 0;

	*logs = NULL;
	*nr = 0;
	*err = NULL;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		lineno++;
		if (!nl) {
			*err = xasprintf("the log ends inside line %u", lineno);
			goto bad;
		}
		long pid = line_pid(p, (size_t)(nl - p));
		if (pid < 0) {
			*err = xasprintf("line %u is not valgrind's", lineno);
			goto bad;
		}
		size_t k = 0;
		while (k < *nr && (*logs)[k].pid != pid)
			k++;
		if (k == *nr) {
			if (*nr == max) {
				*err = xasprintf("more than %zu processes in one log", max);
				goto bad;
			}
			ALLOC_GROW(*logs, *nr + 1, alloc);
			(*logs)[k].pid = pid;
			struct buf empty = BUF_INIT;
			(*logs)[k].text = empty;
			(*nr)++;
		}
		buf_add(&(*logs)[k].text, p, (size_t)(nl + 1 - p));
		p = nl + 1;
	}
	if (*nr)
		qsort(*logs, *nr, sizeof(**logs), by_pid);
	return 0;
bad:
	channel_logs_free(*logs, *nr);
	*logs = NULL;
	*nr = 0;
	return -1;
}

void channel_logs_free(struct channel_log *logs, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		buf_release(&logs[i].text);
	free(logs);
}
