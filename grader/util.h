/* util.h - allocation that never fails, growable strings, files, messages */
#ifndef UTIL_H
#define UTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

/* malloc/realloc/strdup that die (exit 3) on exhaustion: the grader cannot
 * grade without memory, and a half-built result would mislead. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* A newly allocated formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows array *p of *alloc elements of size elem to hold at least want. */
#define ALLOC_GROW(p, want, alloc) \
	do { \
		if ((want) > (alloc)) { \
			(alloc) = (want) * 2 + 8; \
			(p) = xrealloc((p), (alloc) * sizeof(*(p))); \
		} \
	} while (0)

/* A growable string. buf is never NULL after BUF_INIT: it points at "" when
 * empty, so it can always be printed. */
struct buf {
	char *buf;
	size_t len, alloc;
};
extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0 }

void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
void buf_reset(struct buf *b);
/* Returns the string (caller frees) and leaves b empty. */
char *buf_detach(struct buf *b);
void buf_release(struct buf *b);

/* Reads a whole file into b (appending). Returns 0, or -1 with errno set. */
int read_file(struct buf *b, const char *path);
/* Writes len bytes to path, replacing it. Returns 0, or -1 with errno set. */
int write_file(const char *path, const void *data, size_t len);
int file_exists(const char *path);
/* Copies src to dst. Returns 0, or -1 with errno set. */
int copy_file(const char *src, const char *dst);
/* Removes path and everything under it. Returns 0 or -1. */
int remove_tree(const char *path);
/* mkdir -p. Returns 0 or -1. */
int mkdir_p(const char *path, unsigned mode);
/* The absolute, canonical form of path (caller frees), or NULL. */
char *abs_path(const char *path);
/* A newly allocated "dir/name". */
char *path_join(const char *dir, const char *name);
/* The part after the last '/'. */
const char *base_name(const char *path);
/* Whether the n bytes at s are the base name of one of names (a
 * NULL-terminated list; NULL is the empty list). */
int name_listed(const char *const *names, const char *s, size_t n);
/* Frees a NULL-terminated list of strings and the list. */
void strv_free(char **v);

/* Prints "grader: <message>" to stderr and returns -1. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "grader: <message>" and exits with code. For commands only. */
void die(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3), noreturn));

/* Seconds on a monotonic clock. */
double now_seconds(void);

/* "1.5 MiB", "320 KiB", "12 bytes": for reports. Returns a static buffer
 * slot: at most 4 results of one call chain are valid at once. */
const char *memory_human(long long bytes);

/* FNV-1a, 64 bits, continued from h over len bytes at data (start with
 * HASH_FNV_INIT): to notice changes, not to resist forgery. */
#define HASH_FNV_INIT 0xcbf29ce484222325ull
uint64_t hash_fnv1a(uint64_t h, const void *data, size_t len);

/* Writing a file whole or not at all: through path.tmp and a rename, so a
 * run stopped half-way leaves the old file or the new one, never half of
 * one. atomic_open returns the stream to write (NULL, with a message,
 * when it cannot be made); atomic_close closes and renames it into place
 * and returns 0, or -1 with a message (the old file is then left). */
struct atomic_file {
	FILE *f;
	char *path, *tmp;
};
FILE *atomic_open(const char *path, struct atomic_file *a);
int atomic_close(struct atomic_file *a);
/* The same for len bytes at data. Returns 0, or -1 with a message. */
int write_file_atomic(const char *path, const void *data, size_t len);

#endif
