/* sanitizer.c - read what AddressSanitizer, LeakSanitizer and UBSan printed */
#include "sanitizer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_FRAMES 64

struct frame {
	char *fn;
	char *file;      /* base name, or NULL without a source line */
	char *path;      /* as printed */
	unsigned line;
};

struct stack {
	struct frame f[MAX_FRAMES];
	size_t n;
};

static void stack_release(struct stack *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->f[i].fn);
		free(s->f[i].file);
		free(s->f[i].path);
	}
	s->n = 0;
}

static const char *skip_pid(const char *line)
{
	if (line[0] == '=' && line[1] == '=') {
		const char *end = strstr(line + 2, "==");
		if (end)
			return end + 2;
	}
	return line;
}

/* "    #3 0x55d1 in fn file.c:12:7" or "... in _start (/bin/x+0x10d0)":
 * 1 and the frame, or 0 when line is no frame. */
static int parse_frame(const char *line, struct frame *f)
{
	while (*line == ' ' || *line == '\t')
		line++;
	if (*line != '#' || line[1] < '0' || line[1] > '9')
		return 0;
	const char *in = strstr(line, " in ");
	memset(f, 0, sizeof(*f));
	if (!in) /* "#0 0x7f (/lib/x.so+0x12)": no function, no source */
		return 1;
	const char *fn = in + 4, *sp = strchr(fn, ' ');
	f->fn = xstrndup(fn, sp ? (size_t)(sp - fn) : strlen(fn));
	if (!sp || sp[1] == '(' || !sp[1])
		return 1;
	char *loc = xstrdup(sp + 1);
	/* file:line or file:line:col, read from the right */
	char *colon = strrchr(loc, ':');
	if (colon && colon[1] >= '0' && colon[1] <= '9') {
		char *prev;
		*colon = '\0';
		prev = strrchr(loc, ':');
		if (prev && prev[1] >= '0' && prev[1] <= '9') {
			*prev = '\0';
			f->line = (unsigned)strtoul(prev + 1, NULL, 10);
		} else {
			f->line = (unsigned)strtoul(colon + 1, NULL, 10);
		}
		f->path = xstrdup(loc);
		const char *base = strrchr(loc, '/');
		f->file = xstrdup(base ? base + 1 : loc);
	}
	free(loc);
	return 1;
}

/* The sanitizer's own runtime or the C library: never the place to show. */
static int is_runtime(const struct frame *f)
{
	if (!f->file)
		return 1;
	if (strstr(f->path, "libsanitizer") || !strncmp(f->path, "../", 3))
		return 1;
	return f->fn && (!strncmp(f->fn, "__interceptor_", 14) || !strncmp(f->fn, "__asan", 6) ||
			 !strncmp(f->fn, "__lsan", 6) || !strncmp(f->fn, "__ubsan", 7));
}

static int is_own(const char *const *own, const char *file)
{
	return file && name_listed(own, file, strlen(file));
}

static const struct frame *place(const struct stack *s, const char *const *own_files)
{
	for (size_t i = 0; i < s->n; i++)
		if (is_own(own_files, s->f[i].file))
			return &s->f[i];
	for (size_t i = 0; i < s->n; i++)
		if (!is_runtime(&s->f[i]))
			return &s->f[i];
	return NULL;
}

static void set_location(struct location *l, const struct frame *f)
{
	l->file = f && f->file ? xstrdup(f->file) : NULL;
	l->line = f ? f->line : 0;
}

struct parser {
	struct sanitizer_report *out;
	size_t errors_alloc, leaks_alloc, found;
	const char *const *own;  /* the submission's files, by base name */
};

static void add_error(struct parser *p, char *what, const struct frame *where, char *detail)
{
	struct sanitizer_report *r = p->out;
	p->found++;
	for (size_t i = 0; i < r->nr_errors; i++) {
		struct mem_error *e = &r->errors[i];
		if (!strcmp(e->what, what) && e->where.line == (where ? where->line : 0) &&
		    !strcmp(e->where.file ? e->where.file : "", where && where->file ? where->file : "")) {
			e->count++;
			free(what);
			free(detail);
			return;
		}
	}
	ALLOC_GROW(r->errors, r->nr_errors + 1, p->errors_alloc);
	struct mem_error *e = &r->errors[r->nr_errors++];
	memset(e, 0, sizeof(*e));
	e->what = what;
	set_location(&e->where, where);
	e->detail = detail;
	e->count = 1;
}

static void add_leak(struct parser *p, const char *kind, size_t bytes, size_t blocks, const struct frame *where)
{
	struct sanitizer_report *r = p->out;
	p->found++;
	for (size_t i = 0; i < r->nr_leaks; i++) {
		struct leak *l = &r->leaks[i];
		if (!strcmp(l->kind, kind) && l->where.line == (where ? where->line : 0) &&
		    !strcmp(l->where.file ? l->where.file : "", where && where->file ? where->file : "")) {
			l->bytes += bytes;
			l->blocks += blocks;
			return;
		}
	}
	ALLOC_GROW(r->leaks, r->nr_leaks + 1, p->leaks_alloc);
	struct leak *l = &r->leaks[r->nr_leaks++];
	memset(l, 0, sizeof(*l));
	l->kind = xstrdup(kind);
	l->bytes = bytes;
	l->blocks = blocks;
	set_location(&l->where, where);
}

/* ASan's kind of error ("heap-buffer-overflow") in words. */
static const char *kind_words(const char *kind)
{
	static const struct {
		const char *kind, *words;
	} names[] = {
		{ "heap-buffer-overflow", "heap buffer overflow" },
		{ "stack-buffer-overflow", "stack buffer overflow" },
		{ "stack-buffer-underflow", "stack buffer underflow" },
		{ "global-buffer-overflow", "global buffer overflow" },
		{ "heap-use-after-free", "use after free" },
		{ "stack-use-after-return", "use of a returned function's stack" },
		{ "stack-use-after-scope", "use of a variable out of scope" },
		{ "dynamic-stack-buffer-overflow", "alloca buffer overflow" },
		{ "stack-overflow", "stack overflow" },
		{ "SEGV", "invalid address (segmentation fault)" },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(kind, names[i].kind))
			return names[i].words;
	return kind;
}

static char *next_line(const char **p, const char *end)
{
	if (*p >= end)
		return NULL;
	const char *nl = memchr(*p, '\n', (size_t)(end - *p));
	size_t n = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
	char *line = xstrndup(*p, n);
	*p += n + (nl ? 1 : 0);
	return line;
}

/* Reads frames from the lines that follow into s (blank line or other
 * text ends them); returns the first line that is no frame, or NULL. */
static char *read_stack(const char **p, const char *end, struct stack *s)
{
	char *line;
	while ((line = next_line(p, end))) {
		struct frame f;
		if (!parse_frame(line, &f))
			return line;
		if (s->n < MAX_FRAMES) {
			s->f[s->n++] = f;
		} else {
			free(f.fn);
			free(f.file);
			free(f.path);
		}
		free(line);
	}
	return NULL;
}

/* One AddressSanitizer error, from the line after its ERROR line. */
static char *read_asan(struct parser *p, const char *header, const char **pos, const char *end)
{
	const char *k = strstr(header, "AddressSanitizer: ") + strlen("AddressSanitizer: ");
	char kind[64];
	if (!strncmp(k, "attempting double-free", 22))
		snprintf(kind, sizeof(kind), "double-free");
	else if (!strncmp(k, "attempting free on address which was not malloc", 48))
		snprintf(kind, sizeof(kind), "bad-free");
	else
		snprintf(kind, sizeof(kind), "%.*s", (int)strcspn(k, " "), k);

	struct stack where = { .n = 0 }, other = { .n = 0 };
	struct buf detail = BUF_INIT;
	char access[64] = "";
	char *line = next_line(pos, end);
	if (line && (!strncmp(line, "READ of size", 12) || !strncmp(line, "WRITE of size", 13))) {
		unsigned size = 0;
		sscanf(line, "%*s of size %u", &size);
		snprintf(access, sizeof(access), "Invalid %s of size %u", line[0] == 'R' ? "read" : "write", size);
		free(line);
		line = read_stack(pos, end, &where);
	} else {
		struct frame f;
		if (line && parse_frame(line, &f)) {
			where.f[where.n++] = f;
			free(line);
			line = read_stack(pos, end, &where);
		}
	}
	/* Region and allocation / free stacks, up to the SUMMARY line. */
	while (line && strncmp(line, "SUMMARY:", 8)) {
		const char *s = skip_pid(line);
		const char *located = strstr(s, " is located ");
		if (located) {
			const char *region = located + strlen(" is located ");
			size_t n = strcspn(region, "[");
			if (!strncmp(region, "in stack of thread", 18))
				n = 0; /* the variable's line below says more */
			if (n)
				buf_addf(&detail, "%s%.*s", detail.len ? "; " : "", (int)n, region);
			while (detail.len && detail.buf[detail.len - 1] == ' ')
				detail.buf[--detail.len] = '\0';
		} else if (strstr(s, "<== Memory access")) {
			/* "[32, 48) 'b' (line 11) <== Memory access at offset 52 overflows this variable" */
			const char *name = strchr(s, '\'');
			const char *close = name ? strchr(name + 1, '\'') : NULL;
			if (close)
				buf_addf(&detail, "%sthe variable %.*s", detail.len ? "; " : "",
					 (int)(close - name + 1), name);
		} else if (strstr(s, " by thread ") && strstr(s, " here:")) {
			const char *verb = strstr(s, "previously allocated") ? "allocated"
					 : strstr(s, "freed") ? "freed" : "allocated";
			stack_release(&other);
			free(line);
			line = read_stack(pos, end, &other);
			const struct frame *f = place(&other, p->own);
			if (f && f->file)
				buf_addf(&detail, "%s%s at %s:%u", detail.len ? "; " : "", verb, f->file, f->line);
			continue;
		}
		free(line);
		line = next_line(pos, end);
	}
	if (!line)
		p->out->truncated = 1;
	char *what = access[0] ? xasprintf("%s (%s)", access, kind_words(kind))
		   : !strcmp(kind, "double-free") ? xstrdup("Double free")
		   : !strcmp(kind, "bad-free") ? xstrdup("Free of memory that was not allocated")
		   : xasprintf("Invalid access (%s)", kind_words(kind));
	add_error(p, what, place(&where, p->own), detail.len ? buf_detach(&detail) : NULL);
	buf_release(&detail);
	stack_release(&where);
	stack_release(&other);
	return line;
}

/* LeakSanitizer's records, from the line after its ERROR line. */
static char *read_leaks(struct parser *p, const char **pos, const char *end)
{
	char *line = next_line(pos, end);
	while (line && strncmp(line, "SUMMARY:", 8)) {
		size_t bytes, blocks;
		char kind[16];
		if (sscanf(line, "%15s leak of %zu byte(s) in %zu object(s)", kind, &bytes, &blocks) == 3) {
			struct stack s = { .n = 0 };
			free(line);
			line = read_stack(pos, end, &s);
			add_leak(p, !strcmp(kind, "Direct") ? "definitely lost" : "indirectly lost", bytes, blocks,
				 place(&s, p->own));
			stack_release(&s);
			continue;
		}
		free(line);
		line = next_line(pos, end);
	}
	if (!line)
		p->out->truncated = 1;
	return line;
}

/* "file.c:12:5: runtime error: message": UBSan's error and its stack. */
static char *read_ubsan(struct parser *p, const char *line, const char **pos, const char *end)
{
	const char *msg = strstr(line, ": runtime error: ");
	struct frame at;
	memset(&at, 0, sizeof(at));
	char *prefix = xstrndup(line, (size_t)(msg - line));
	char *colon = strrchr(prefix, ':');
	if (colon) { /* file:line:col */
		*colon = '\0';
		colon = strrchr(prefix, ':');
		if (colon) {
			*colon = '\0';
			at.line = (unsigned)strtoul(colon + 1, NULL, 10);
			const char *base = strrchr(prefix, '/');
			at.file = xstrdup(base ? base + 1 : prefix);
			at.path = xstrdup(prefix);
		}
	}
	free(prefix);
	char *what = xasprintf("Undefined behaviour: %s", msg + strlen(": runtime error: "));
	/* Addresses differ from run to run: keep the words. */
	char *hex = strstr(what, " 0x");
	if (hex) {
		char *e = hex + 3;
		while ((*e >= '0' && *e <= '9') || (*e >= 'a' && *e <= 'f'))
			e++;
		memmove(hex, e, strlen(e) + 1);
	}
	struct stack s = { .n = 0 };
	char *next = NULL, *l;
	/* A note and a dump of the bytes may come between the message and the stack. */
	while ((l = next_line(pos, end))) {
		struct frame f;
		if (parse_frame(l, &f)) {
			s.f[s.n++] = f;
			free(l);
			next = read_stack(pos, end, &s);
			break;
		}
		if (strstr(l, ": note: ") || (l[0] == ' ' && !strchr(l, '#'))) {
			free(l);
			continue;
		}
		next = l;
		break;
	}
	const struct frame *where = place(&s, p->own);
	if (!where || is_own(p->own, at.file))
		where = at.file ? &at : where;
	add_error(p, what, where, NULL);
	stack_release(&s);
	free(at.file);
	free(at.path);
	return next;
}

size_t sanitizer_parse(const char *text, size_t len, const char *const *own,
		       struct sanitizer_report *out)
{
	struct parser p = { out, 0, 0, 0, own };
	const char *pos = text, *end = text + len;
	char *line = next_line(&pos, end);

	memset(out, 0, sizeof(*out));
	while (line) {
		const char *s = skip_pid(line);
		char *next = NULL;
		if (!strncmp(s, "ERROR: AddressSanitizer: ", 25))
			next = read_asan(&p, s, &pos, end);
		else if (!strncmp(s, "ERROR: LeakSanitizer: detected memory leaks", 43))
			next = read_leaks(&p, &pos, end);
		else if (strstr(line, ": runtime error: "))
			next = read_ubsan(&p, line, &pos, end);
		free(line);
		line = next ? next : next_line(&pos, end);
	}
	return p.found;
}

void sanitizer_release(struct sanitizer_report *r)
{
	for (size_t i = 0; i < r->nr_errors; i++) {
		free(r->errors[i].what);
		free(r->errors[i].where.file);
		free(r->errors[i].detail);
		free(r->errors[i].test);
	}
	for (size_t i = 0; i < r->nr_leaks; i++) {
		free(r->leaks[i].kind);
		free(r->leaks[i].where.file);
		free(r->leaks[i].test);
	}
	free(r->errors);
	free(r->leaks);
	memset(r, 0, sizeof(*r));
}
