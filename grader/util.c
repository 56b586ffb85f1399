/* util.c - allocation that never fails, growable strings, files, messages */
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "exitcode.h"

char buf_empty[1];

static void out_of_memory(size_t size)
{
	fprintf(stderr, "grader: out of memory (wanted %zu bytes)\n", size);
	exit(EXIT_INTERNAL);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b);
}

void buf_grow(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->alloc)
		return;
	size_t want = b->len + extra + 1;
	size_t alloc = b->alloc ? b->alloc : 64;
	while (alloc < want)
		alloc *= 2;
	if (b->buf == buf_empty)
		b->buf = NULL;
	b->buf = xrealloc(b->buf, alloc);
	if (!b->alloc)
		b->buf[0] = '\0';
	b->alloc = alloc;
}

void buf_add(struct buf *b, const void *data, size_t len)
{
	buf_grow(b, len);
	memcpy(b->buf + b->len, data, len);
	b->len += len;
	b->buf[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->alloc)
		b->buf[0] = '\0';
}

char *buf_detach(struct buf *b)
{
	char *s = b->alloc ? b->buf : xstrdup("");
	b->buf = buf_empty;
	b->len = b->alloc = 0;
	return s;
}

void buf_release(struct buf *b)
{
	if (b->alloc)
		free(b->buf);
	b->buf = buf_empty;
	b->len = b->alloc = 0;
}

int read_file(struct buf *b, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	for (;;) {
		buf_grow(b, 8192);
		ssize_t r = read(fd, b->buf + b->len, b->alloc - b->len - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		if (r == 0)
			break;
		b->len += (size_t)r;
		b->buf[b->len] = '\0';
	}
	close(fd);
	return 0;
}

int write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	const char *p = data;
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return close(fd);
}

int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int copy_file(const char *src, const char *dst)
{
	struct buf b = BUF_INIT;
	int ret = read_file(&b, src);
	if (!ret)
		ret = write_file(dst, b.buf, b.len);
	buf_release(&b);
	return ret;
}

int remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st))
		return errno == ENOENT ? 0 : -1;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		if (!d) {
			chmod(path, 0700);
			d = opendir(path);
		}
		if (d) {
			struct dirent *e;
			while ((e = readdir(d))) {
				if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
					continue;
				char *sub = path_join(path, e->d_name);
				remove_tree(sub);
				free(sub);
			}
			closedir(d);
		}
		return rmdir(path);
	}
	return unlink(path);
}

int mkdir_p(const char *path, unsigned mode)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, mode) && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	int ret = mkdir(p, mode) && errno != EEXIST ? -1 : 0;
	free(p);
	return ret;
}

char *abs_path(const char *path)
{
	char *r = realpath(path, NULL);
	if (!r)
		return NULL;
	char *s = xstrdup(r);
	free(r);
	return s;
}

char *path_join(const char *dir, const char *name)
{
	size_t l = strlen(dir);
	if (l && dir[l - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

int name_listed(const char *const *names, const char *s, size_t n)
{
	for (size_t i = 0; names && names[i]; i++) {
		const char *b = base_name(names[i]);
		if (strlen(b) == n && !memcmp(b, s, n))
			return 1;
	}
	return 0;
}

void strv_free(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

int error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("grader: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	return -1;
}

void die(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("grader: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(code);
}

double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

const char *memory_human(long long bytes)
{
	static __thread char slots[4][32];
	static __thread int next;
	char *s = slots[next++ % 4];
	if (bytes >= 1LL << 20)
		snprintf(s, 32, "%.1f MiB", bytes / 1048576.0);
	else if (bytes >= 1LL << 10)
		snprintf(s, 32, "%.1f KiB", bytes / 1024.0);
	else
		snprintf(s, 32, "%lld bytes", bytes);
	return s;
}

uint64_t hash_fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

FILE *atomic_open(const char *path, struct atomic_file *a)
{
	a->path = xstrdup(path);
	a->tmp = xasprintf("%s.tmp", path);
	a->f = fopen(a->tmp, "w");
	if (!a->f) {
		error("cannot write %s: %s", a->tmp, strerror(errno));
		free(a->path);
		free(a->tmp);
		a->path = a->tmp = NULL;
	}
	return a->f;
}

int atomic_close(struct atomic_file *a)
{
	int ret = 0;
	if (!a->f)
		return -1;
	if (fclose(a->f) || rename(a->tmp, a->path)) {
		ret = error("cannot write %s: %s", a->path, strerror(errno));
		unlink(a->tmp);
	}
	free(a->path);
	free(a->tmp);
	a->f = NULL;
	a->path = a->tmp = NULL;
	return ret;
}

int write_file_atomic(const char *path, const void *data, size_t len)
{
	struct atomic_file a;
	if (!atomic_open(path, &a))
		return -1;
	if (len && fwrite(data, 1, len, a.f) != len) {
		fclose(a.f);
		a.f = NULL;
		unlink(a.tmp);
		error("cannot write %s: %s", a.tmp, strerror(errno));
		free(a.path);
		free(a.tmp);
		return -1;
	}
	return atomic_close(&a);
}
