/* memcheck.c - read a valgrind memcheck log into leaks and errors */
#include "valgrind/memcheck.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Part of the log; not NUL-terminated. */
struct span {
	const char *p;
	size_t n;
};

struct frame {
	struct span fn, file;   /* file is the base name; n 0 when no source line */
	unsigned line;
};

/* One process's part of the log. */
struct proc {
	long long pid;
	struct span *msg;       /* the lines of the message being read */
	size_t nr_msg, alloc_msg;
	struct leak *leaks;
	size_t nr_leaks, alloc_leaks;
	long long lost[4];      /* as in LEAK SUMMARY, -1 unknown */
	long long error_total;
	long long repeat;       /* "N errors in context": the next error is seen N times */
	int fatal_signal;
	int complete;
};

struct parser {
	const char *const *own; /* the submission's files, by base name */
	struct proc *procs;
	size_t nr_procs, alloc_procs;
	struct memcheck_report *out;
	size_t alloc_errors, alloc_leaks;
};

static const char *const leak_kinds[4] = {
	"definitely lost", "indirectly lost", "possibly lost", "still reachable"
};

/* The runner's allocators for inputs (harness/bench.h): a block made by them
 * is the input, and the place that matters is their caller. */
static const char *const input_allocators[] = { "bench_alloc", "bench_calloc" };

static int starts_with(struct span s, const char *prefix)
{
	size_t n = strlen(prefix);
	return s.n >= n && !memcmp(s.p, prefix, n);
}

static int span_is(struct span s, const char *text)
{
	return s.n == strlen(text) && !memcmp(s.p, text, s.n);
}

static struct span skip(struct span s, size_t n)
{
	n = n < s.n ? n : s.n;
	return (struct span){ s.p + n, s.n - n };
}

static struct span trim(struct span s)
{
	while (s.n && s.p[0] == ' ')
		s = skip(s, 1);
	while (s.n && s.p[s.n - 1] == ' ')
		s.n--;
	return s;
}

/* Skips prefix at the start of *s; 1 if it was there. */
static int eat(struct span *s, const char *prefix)
{
	if (!starts_with(*s, prefix))
		return 0;
	*s = skip(*s, strlen(prefix));
	return 1;
}

/* Reads a number memcheck may print with thousands separators ("65,536"). */
static int eat_count(struct span *s, long long *v)
{
	size_t i = 0;
	long long x = 0;
	while (i < s->n && (isdigit((unsigned char)s->p[i]) || (i && s->p[i] == ','))) {
		if (s->p[i] != ',') {
			int d = s->p[i] - '0';
			if (x > (LLONG_MAX - d) / 10)
				return 0;
			x = x * 10 + d;
		}
		i++;
	}
	if (!i || s->p[i - 1] == ',')
		return 0;
	*v = x;
	*s = skip(*s, i);
	return 1;
}

static int eat_hex(struct span *s, unsigned long long *v)
{
	size_t i = 0;
	unsigned long long x = 0;
	if (!eat(s, "0x"))
		return 0;
	while (i < s->n && isxdigit((unsigned char)s->p[i])) {
		if (x >> 60)
			return 0;
		int c = tolower((unsigned char)s->p[i]);
		x = x * 16 + (unsigned)(c <= '9' ? c - '0' : c - 'a' + 10);
		i++;
	}
	*v = x;
	*s = skip(*s, i);
	return i > 0;
}

/* A copy safe to print anywhere: control bytes become '?'. */
static char *clean_dup(struct span s)
{
	char *d = xstrndup(s.p, s.n);
	for (size_t i = 0; i < s.n; i++)
		if ((unsigned char)d[i] < 0x20 || d[i] == 0x7f)
			d[i] = '?';
	return d;
}

static int is_frame(struct span line)
{
	line = trim(line);
	return starts_with(line, "at 0x") || starts_with(line, "by 0x");
}

/* Splits "at 0x10919A: fn (dir/file.c:18)"; file.n is 0 when the frame has
 * no source line ("(in /usr/lib/libc.so.6)", "???"). */
static void parse_frame(struct span line, struct frame *f)
{
	struct span s = trim(line);
	unsigned long long addr;

	memset(f, 0, sizeof(*f));
	s = skip(s, 3);
	if (!eat_hex(&s, &addr) || !eat(&s, ":"))
		return;
	s = trim(s);
	f->fn = s;
	if (s.n < 4 || s.p[s.n - 1] != ')')
		return;
	size_t open = s.n - 1;
	while (open > 0 && !(s.p[open] == '(' && s.p[open - 1] == ' '))
		open--;
	if (!open)
		return;
	f->fn.n = open - 1;
	struct span in = { s.p + open + 1, s.n - open - 2 };
	if (starts_with(in, "in "))
		return;
	size_t colon = in.n;
	while (colon > 0 && in.p[colon - 1] != ':')
		colon--;
	if (colon < 2)
		return;
	struct span digits = skip(in, colon);
	long long v;
	if (!eat_count(&digits, &v) || digits.n || v > UINT_MAX)
		return;
	struct span file = { in.p, colon - 1 };
	for (size_t j = file.n; j > 0; j--) {
		if (file.p[j - 1] == '/') {
			file = skip(file, j);
			break;
		}
	}
	f->file = file;
	f->line = (unsigned)v;
}

static int is_input_allocator(struct span fn)
{
	for (size_t i = 0; i < sizeof(input_allocators) / sizeof(*input_allocators); i++)
		if (span_is(fn, input_allocators[i]))
			return 1;
	return 0;
}

/* The frames starting at lines[0], up to the first line that is not one. */
static size_t count_frames(const struct span *lines, size_t n)
{
	size_t k = 0;
	while (k < n && is_frame(lines[k]))
		k++;
	return k;
}

/* Picks the place of a stack (see memcheck.h); *via_input tells whether
 * the stack went through an input allocator. Returns 0 when none. */
static int stack_place(const struct parser *ps, const struct span *lines, size_t n,
		       struct frame *place, int *via_input)
{
	struct frame f, fallback;
	int have_fallback = 0;

	if (via_input)
		*via_input = 0;
	for (size_t i = 0; i < n; i++) {
		parse_frame(lines[i], &f);
		if (is_input_allocator(f.fn) && via_input)
			*via_input = 1;
		if (!f.file.n)
			continue;
		if (name_listed(ps->own, f.file.p, f.file.n)) {
			*place = f;
			return 1;
		}
		if (!have_fallback && !starts_with(f.file, "vg_replace_") &&
		    !is_input_allocator(f.fn)) {
			fallback = f;
			have_fallback = 1;
		}
	}
	if (have_fallback)
		*place = fallback;
	return have_fallback;
}

static struct location location_of(const struct parser *ps, const struct span *lines, size_t n)
{
	struct location loc = { NULL, 0 };
	struct frame f;
	if (stack_place(ps, lines, n, &f, NULL)) {
		loc.file = clean_dup(f.file);
		loc.line = f.line;
	}
	return loc;
}

static void add_place(struct buf *b, const struct frame *f)
{
	char *file = clean_dup(f->file);
	buf_addf(b, "%s:%u", file, f->line);
	free(file);
}

static void add_bytes(struct buf *b, long long n)
{
	buf_addf(b, "%lld byte%s", n, n == 1 ? "" : "s");
}

static void add_sep(struct buf *b)
{
	if (b->len)
		buf_adds(b, "; ");
}

/* A section of an error: a heading (" Address 0x... is ...", " Block was
 * alloc'd at") and the frames under it. */
struct section {
	struct span head;
	const struct span *frames;
	size_t nr_frames;
};

/* "N bytes inside|after|before a [recently re-allocated ]block of size S
 * alloc'd|free'd" */
static int describe_block(const struct parser *ps, struct span s, const struct section *sec,
			  const struct section *next, struct buf *b)
{
	long long off, size;
	const char *where;
	struct frame f;
	int via_input, realloced = 0, freed;

	if (!eat_count(&s, &off) || !eat(&s, " bytes "))
		return 0;
	if (eat(&s, "inside a "))
		where = "inside";
	else if (eat(&s, "after a "))
		where = "after";
	else if (eat(&s, "before a "))
		where = "before";
	else
		return 0;
	if (eat(&s, "recently re-allocated "))
		realloced = 1;
	if (!eat(&s, "block of size ") || !eat_count(&s, &size))
		return 0;
	if (span_is(s, " alloc'd"))
		freed = 0;
	else if (span_is(s, " free'd"))
		freed = 1;
	else
		return 0;

	int placed = stack_place(ps, sec->frames, sec->nr_frames, &f, &via_input);
	add_bytes(b, off);
	buf_addf(b, " %s ", where);
	if (via_input && !freed)
		buf_adds(b, "the input, ");
	buf_adds(b, "a block of ");
	add_bytes(b, size);
	if (placed) {
		buf_adds(b, freed ? " freed at " : realloced ? " reallocated at " : " allocated at ");
		add_place(b, &f);
	}
	if (next && starts_with(trim(next->head), "Block was alloc'd at") &&
	    stack_place(ps, next->frames, next->nr_frames, &f, NULL)) {
		buf_adds(b, " (allocated at ");
		add_place(b, &f);
		buf_adds(b, ")");
	}
	return 1;
}

/* Writes what " Address 0x... is ..." says; returns how many of the
 * following sections it used as well. */
static size_t describe_address(const struct parser *ps, const struct section *sec,
			       const struct section *next, struct buf *b)
{
	struct span s = trim(sec->head);
	unsigned long long addr;

	add_sep(b);
	if (!eat(&s, "Address ") || !eat_hex(&s, &addr) || !eat(&s, " is ")) {
		struct span t = trim(sec->head);
		char *text = clean_dup(t);
		buf_adds(b, text);
		free(text);
		return 0;
	}
	if (describe_block(ps, s, sec, next, b))
		return next && starts_with(trim(next->head), "Block was alloc'd at");
	if (starts_with(s, "not stack'd, malloc'd")) {
		if (!addr)
			buf_adds(b, "a null pointer");
		else if (addr < 4096)
			buf_addf(b, "a null pointer plus %llu (address 0x%llx)", addr, addr);
		else
			buf_addf(b, "address 0x%llx is in no block, freed block or stack", addr);
		return 0;
	}
	if (starts_with(s, "on thread ")) {
		buf_adds(b, "on the stack");
		struct span n = next ? trim(next->head) : (struct span){ "", 0 };
		long long below;
		struct frame f;
		if (eat(&n, "in frame #")) {
			while (n.n && n.p[0] != ',')
				n = skip(n, 1);
			if (eat(&n, ", created by ")) {
				/* "fn (file.c:12)": a frame without the address */
				struct buf fb = BUF_INIT;
				buf_adds(&fb, "at 0x0: ");
				buf_add(&fb, n.p, n.n);
				struct span line = { fb.buf, fb.len };
				parse_frame(line, &f);
				char *fn = clean_dup(f.fn);
				buf_addf(b, ", in a local variable of %s", fn);
				free(fn);
				if (f.file.n) {
					buf_adds(b, " (");
					add_place(b, &f);
					buf_adds(b, ")");
				}
				buf_release(&fb);
			}
			return 1;
		}
		if (eat_count(&n, &below) && span_is(n, " bytes below stack pointer")) {
			buf_adds(b, ", ");
			add_bytes(b, below);
			buf_adds(b, " below the stack pointer (a function that has returned)");
			return 1;
		}
		return 0;
	}
	char *text = clean_dup(s);
	buf_adds(b, text);
	free(text);
	return 0;
}

static void describe_origin(const struct parser *ps, const struct section *sec, struct buf *b)
{
	struct span s = trim(sec->head);
	struct frame f;
	int placed = stack_place(ps, sec->frames, sec->nr_frames, &f, NULL);

	add_sep(b);
	eat(&s, "Uninitialised value was created by ");
	if (span_is(s, "a heap allocation")) {
		buf_adds(b, "uninitialised value from a heap block");
		if (placed) {
			buf_adds(b, " allocated at ");
			add_place(b, &f);
		}
	} else if (span_is(s, "a stack allocation") && placed) {
		char *fn = clean_dup(f.fn);
		buf_addf(b, "uninitialised value from a local variable of %s (", fn);
		add_place(b, &f);
		buf_adds(b, ")");
		free(fn);
	} else {
		char *text = clean_dup(s);
		buf_addf(b, "uninitialised value created by %s", text);
		free(text);
	}
}

static void describe_alloc(const struct parser *ps, const struct section *sec, struct buf *b)
{
	struct frame f;
	if (!stack_place(ps, sec->frames, sec->nr_frames, &f, NULL))
		return;
	add_sep(b);
	buf_adds(b, "allocated at ");
	add_place(b, &f);
}

/* The detail of an error from the sections after its own stack. */
static char *error_detail(const struct parser *ps, const struct span *lines, size_t n)
{
	struct section *secs = NULL;
	size_t nr = 0, alloc = 0;
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < n;) {
		ALLOC_GROW(secs, nr + 1, alloc);
		struct section *s = &secs[nr++];
		s->head = lines[i];
		s->frames = lines + i + 1;
		s->nr_frames = count_frames(lines + i + 1, n - i - 1);
		i += 1 + s->nr_frames;
	}
	for (size_t i = 0; i < nr; i++) {
		struct span head = trim(secs[i].head);
		const struct section *next = i + 1 < nr ? &secs[i + 1] : NULL;
		if (starts_with(head, "Address "))
			i += describe_address(ps, &secs[i], next, &b);
		else if (starts_with(head, "Uninitialised value was created by "))
			describe_origin(ps, &secs[i], &b);
		else if (starts_with(head, "Block was alloc'd at"))
			describe_alloc(ps, &secs[i], &b);
		else if (head.n) {
			add_sep(&b);
			char *text = clean_dup(head);
			buf_adds(&b, text);
			free(text);
		}
	}
	free(secs);
	return b.len ? buf_detach(&b) : NULL;
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* repeat: from a -s list, how many times this error was seen; 0 otherwise */
static void add_error(struct parser *ps, const struct span *lines, size_t n, long long repeat)
{
	struct memcheck_report *out = ps->out;
	struct span what = trim(lines[0]);
	size_t k = count_frames(lines + 1, n - 1);
	struct mem_error e;

	/* the arguments are addresses: they would keep equal errors apart */
	if (starts_with(what, "Source and destination overlap in ")) {
		const char *paren = memchr(what.p, '(', what.n);
		if (paren)
			what.n = (size_t)(paren - what.p);
	}
	e.what = clean_dup(what);
	e.where = location_of(ps, lines + 1, k);
	e.detail = error_detail(ps, lines + 1 + k, n - 1 - k);

	for (size_t i = 0; i < out->nr_errors; i++) {
		struct mem_error *o = &out->errors[i];
		if (strcmp(o->what, e.what) || !same_str(o->where.file, e.where.file) ||
		    o->where.line != e.where.line ||
		    (!e.where.file && !same_str(o->detail, e.detail)))
			continue;
		/* a -s list repeats an error printed before, counted once then */
		out->error_counts[i] += repeat > 0 ? (size_t)(repeat - 1) : 1;
		free(e.what);
		free(e.where.file);
		free(e.detail);
		return;
	}
	if (out->nr_errors == ps->alloc_errors) {
		ps->alloc_errors = ps->alloc_errors * 2 + 8;
		out->errors = xrealloc(out->errors, ps->alloc_errors * sizeof(*out->errors));
		out->error_counts = xrealloc(out->error_counts,
					     ps->alloc_errors * sizeof(*out->error_counts));
	}
	out->errors[out->nr_errors] = e;
	out->error_counts[out->nr_errors++] = repeat > 0 ? (size_t)repeat : 1;
}

static long long add_sat(long long a, long long b)
{
	return a > LLONG_MAX - b ? LLONG_MAX : a + b;
}

/* "65,536 bytes in 1 blocks are definitely lost in loss record 1 of 1",
 * "48 (16 direct, 32 indirect) bytes in 1 blocks are ..." */
static int add_leak(struct parser *ps, struct proc *p, const struct span *lines, size_t n)
{
	struct span s = trim(lines[0]);
	long long total, direct, indirect, blocks;
	int kind = -1;

	if (!eat_count(&s, &total))
		return 0;
	if (eat(&s, " (")) {
		if (!eat_count(&s, &direct) || !eat(&s, " direct, ") ||
		    !eat_count(&s, &indirect) || !eat(&s, " indirect)"))
			return 0;
		total = direct;
	}
	if (!eat(&s, " bytes in ") || !eat_count(&s, &blocks) || !eat(&s, " blocks are "))
		return 0;
	for (int i = 0; i < 4; i++)
		if (eat(&s, leak_kinds[i]))
			kind = i;
	if (kind < 0 || !starts_with(s, " in loss record"))
		return 0;

	struct location where = location_of(ps, lines + 1, count_frames(lines + 1, n - 1));
	for (size_t i = 0; i < p->nr_leaks; i++) {
		struct leak *l = &p->leaks[i];
		if (!strcmp(l->kind, leak_kinds[kind]) && same_str(l->where.file, where.file) &&
		    l->where.line == where.line) {
			l->bytes = (size_t)add_sat((long long)l->bytes, total);
			l->blocks = (size_t)add_sat((long long)l->blocks, blocks);
			free(where.file);
			return 1;
		}
	}
	ALLOC_GROW(p->leaks, p->nr_leaks + 1, p->alloc_leaks);
	p->leaks[p->nr_leaks++] = (struct leak){
		xstrdup(leak_kinds[kind]), (size_t)total, (size_t)blocks, where, NULL
	};
	return 1;
}

static void read_leak_summary(struct proc *p, const struct span *lines, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct span s = trim(lines[i]);
		long long v;
		for (int k = 0; k < 4; k++)
			if (eat(&s, leak_kinds[k]) && eat(&s, ": ") && eat_count(&s, &v))
				p->lost[k] = v;
	}
}

static int is_context_count(struct span head, long long *v)
{
	return eat_count(&head, v) && eat(&head, " errors in context ");
}

static void read_message(struct parser *ps, struct proc *p, const struct span *lines, size_t n)
{
	struct span head = trim(lines[0]), rest = head;
	long long v;
	long long repeat = p->repeat;

	p->repeat = 0;
	if (eat(&rest, "ERROR SUMMARY: ")) {
		p->complete = 1;
		if (eat_count(&rest, &v))
			p->error_total = v;
	} else if (starts_with(head, "LEAK SUMMARY:")) {
		read_leak_summary(p, lines, n);
	} else if (starts_with(head, "All heap blocks were freed")) {
		for (int k = 0; k < 4; k++)
			p->lost[k] = 0;
	} else if (eat(&rest, "Process terminating with default action of signal ")) {
		if (eat_count(&rest, &v) && v < 256)
			p->fatal_signal = (int)v;
	} else if (is_context_count(head, &v)) {
		p->repeat = v;
	} else if (!add_leak(ps, p, lines, n) && n > 1 && is_frame(lines[1]) &&
		   !starts_with(head, "Warning") && !starts_with(head, "WARNING")) {
		add_error(ps, lines, n, repeat);
	}
}

static void flush(struct parser *ps, struct proc *p)
{
	if (p->nr_msg)
		read_message(ps, p, p->msg, p->nr_msg);
	p->nr_msg = 0;
}

static struct proc *proc_for(struct parser *ps, long long pid)
{
	for (size_t i = 0; i < ps->nr_procs; i++)
		if (ps->procs[i].pid == pid)
			return &ps->procs[i];
	ALLOC_GROW(ps->procs, ps->nr_procs + 1, ps->alloc_procs);
	struct proc *p = &ps->procs[ps->nr_procs++];
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	for (int k = 0; k < 4; k++)
		p->lost[k] = -1;
	p->error_total = -1;
	return p;
}

/* "==123== body": the pid and the body after the one space. */
static int split_line(struct span line, long long *pid, struct span *body)
{
	if (!eat(&line, "==") || !eat_count(&line, pid) || !eat(&line, "=="))
		return 0;
	eat(&line, " ");
	*body = line;
	return 1;
}

static void read_line(struct parser *ps, struct span line)
{
	long long pid;
	struct span body;

	if (line.n && line.p[line.n - 1] == '\r')
		line.n--;
	if (!split_line(line, &pid, &body))
		return;
	struct proc *p = proc_for(ps, pid);
	if (!body.n || body.p[0] != ' ')
		flush(ps, p);
	if (!body.n || (body.p[0] == ' ' && !p->nr_msg))
		return;
	ALLOC_GROW(p->msg, p->nr_msg + 1, p->alloc_msg);
	p->msg[p->nr_msg++] = body;
}

/* Leaks of all processes into out, a leak seen by several counted once. */
static void merge_leaks(struct parser *ps, struct proc *p)
{
	struct memcheck_report *out = ps->out;
	for (size_t i = 0; i < p->nr_leaks; i++) {
		struct leak *l = &p->leaks[i];
		size_t j;
		for (j = 0; j < out->nr_leaks; j++) {
			struct leak *o = &out->leaks[j];
			if (!strcmp(o->kind, l->kind) && same_str(o->where.file, l->where.file) &&
			    o->where.line == l->where.line)
				break;
		}
		if (j < out->nr_leaks) {
			struct leak *o = &out->leaks[j];
			if (l->bytes > o->bytes)
				o->bytes = l->bytes;
			if (l->blocks > o->blocks)
				o->blocks = l->blocks;
			free(l->kind);
			free(l->where.file);
			continue;
		}
		ALLOC_GROW(out->leaks, out->nr_leaks + 1, ps->alloc_leaks);
		out->leaks[out->nr_leaks++] = *l;
	}
	p->nr_leaks = 0;
}

void memcheck_release(struct memcheck_report *r)
{
	for (size_t i = 0; i < r->nr_leaks; i++) {
		free(r->leaks[i].kind);
		free(r->leaks[i].where.file);
	}
	for (size_t i = 0; i < r->nr_errors; i++) {
		free(r->errors[i].what);
		free(r->errors[i].where.file);
		free(r->errors[i].detail);
	}
	free(r->leaks);
	free(r->errors);
	free(r->error_counts);
	memset(r, 0, sizeof(*r));
	r->definitely_lost = r->indirectly_lost = r->possibly_lost = r->still_reachable = -1;
	r->error_total = -1;
}

int memcheck_parse(const char *log, size_t len, const char *const *own, struct memcheck_report *out)
{
	struct parser ps = { own, NULL, 0, 0, out, 0, 0 };
	const char *p = log, *end = log + len;

	memset(out, 0, sizeof(*out));
	memcheck_release(out);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		read_line(&ps, (struct span){ p, (size_t)(e - p) });
		p = nl ? nl + 1 : end;
	}
	for (size_t i = 0; i < ps.nr_procs; i++) {
		struct proc *pr = &ps.procs[i];
		flush(&ps, pr);
		merge_leaks(&ps, pr);
		long long *lost[4] = {
			&out->definitely_lost, &out->indirectly_lost,
			&out->possibly_lost, &out->still_reachable
		};
		for (int k = 0; k < 4; k++)
			if (ps.procs[0].lost[k] >= 0 && pr->lost[k] > *lost[k])
				*lost[k] = pr->lost[k];
		free(pr->msg);
		free(pr->leaks);
	}
	if (ps.nr_procs) {
		out->error_total = ps.procs[0].error_total;
		out->fatal_signal = ps.procs[0].fatal_signal;
		out->complete = ps.procs[0].complete;
	}
	free(ps.procs);
	return ps.nr_procs ? 0 : -1;
}
