/* cache.c - reuse an exercise's result when nothing it depends on changed
 *
 * An entry is a file named by a hash of its material, holding the material
 * itself (compared in full on load, so a hash collision is only a miss)
 * and the result as tab-separated records, text fields escaped.
 */
#include "cache.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "objcache.h"
#include "util.h"

#define MAGIC "memgrade-cache 9\n"

static void add_file(struct buf *m, const char *label, const char *path)
{
	buf_addf(m, "== %s %s\n", label, path ? path : "-");
	if (path && read_file(m, path))
		buf_adds(m, "(unreadable)");
	buf_adds(m, "\n");
}

char *cache_material(const struct context *ctx, const struct spec *spec,
		     const struct spec_exercise *ex, const char *source, enum meter meter)
{
	struct buf m = BUF_INIT;
	struct stat st;
	char *p;

	if (!stat("/proc/self/exe", &st))
		buf_addf(&m, "grader %lld %lld\n", (long long)st.st_size, (long long)st.st_mtime);
	/* The compiler and the libraries: a new gcc or C library may build
	 * and measure the same code otherwise. */
	objcache_add_toolchain(&m);
	const char *harness[] = { "bench_main.c", "cr_hooks.c", "heap_count.c", "bench.h", "test_random.h", "test_heap.h", "crash.c", "crash.h", "lockdown.c",
				  "protocol.h", "san_hooks.c", "thread_count.c", "thread_count.h", NULL };
	for (int i = 0; harness[i]; i++) {
		p = xasprintf("%s/grader/harness/%s", ctx->root, harness[i]);
		add_file(&m, "harness", p);
		free(p);
	}
	add_file(&m, "spec", spec->path);
	p = xasprintf("%s/%s.h", spec->dir, ex->name);
	add_file(&m, "header", p);
	free(p);
	p = ex->test_file ? path_join(spec->dir, ex->test_file) : NULL;
	add_file(&m, "tests", p);
	free(p);
	for (size_t i = 0; i < ex->nr_private_tests; i++) {
		p = path_join(spec->dir, ex->private_tests[i]);
		add_file(&m, "private tests", p);
		free(p);
	}
	buf_addf(&m, "private shown %d\n", (int)ex->private_show);
	p = ex->bench_file ? path_join(spec->dir, ex->bench_file) : NULL;
	add_file(&m, "bench", p);
	free(p);
	p = ex->memory_bench ? path_join(spec->dir, ex->memory_bench) : NULL;
	add_file(&m, "memory bench", p);
	free(p);
	buf_addf(&m, "exercise %s meter %d\n", ex->name, (int)meter);
	add_file(&m, "source", source);
	return buf_detach(&m);
}

static char *entry_path(const char *dir, const char *material)
{
	return xasprintf("%s/%016llx", dir, (unsigned long long)hash_fnv1a(HASH_FNV_INIT, material, strlen(material)));
}

/* Text fields: NULL is "-", anything else starts with '=' and has tab,
 * newline, CR and backslash escaped. */
static void put(FILE *f, const char *s)
{
	fputc('\t', f);
	if (!s) {
		fputc('-', f);
		return;
	}
	fputc('=', f);
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\\': fputs("\\\\", f); break;
		default: fputc(*s, f);
		}
	}
}

static char *get(const char *field)
{
	if (!field || field[0] != '=')
		return NULL;
	struct buf b = BUF_INIT;
	for (const char *p = field + 1; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			buf_add(&b, *p == 't' ? "\t" : *p == 'n' ? "\n" : *p == 'r' ? "\r" : p, 1);
		} else {
			buf_add(&b, p, 1);
		}
	}
	return buf_detach(&b);
}

static int depends_on_speed(const struct exercise_result *r)
{
	for (size_t i = 0; i < r->tests.nr_cases; i++)
		if (r->tests.cases[i].status == CASE_TIMED_OUT || r->tests.cases[i].status == CASE_MISSING)
			return 1;
	/* A ladder stopped by its instruction budget is the same on any
	 * machine; one cut by the clock is not. */
	if (r->complexity.by_clock || r->complexity.timed_out || r->complexity.measurement_error)
		return 1;
	return r->memory.timeouts > 0 || r->memory.measurement_errors > 0;
}

/* A check that could not be graded says nothing about the submission:
 * the next run must try again, not repeat the machine's failure. */
static int has_error(const struct exercise_result *r)
{
	for (int c = 0; c < CHECK_COUNT; c++)
		if (exercise_status(r, (enum check)c) == ST_ERROR)
			return 1;
	return 0;
}

void cache_store(const char *dir, const char *material, const struct exercise_result *r)
{
	if (!dir || has_error(r) || depends_on_speed(r))
		return;
	char *path = entry_path(dir, material);
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid() ^ (long)(uintptr_t)r);
	FILE *f = fopen(tmp, "w");
	if (!f)
		goto out;
	fputs(MAGIC, f);
	fprintf(f, "%zu\n", strlen(material));
	fputs(material, f);
	fputc('\n', f);

	const struct build_result *b = &r->build;
	fprintf(f, "build\t%d", b->status);
	put(f, b->reason);
	put(f, b->log);
	fputc('\n', f);
	for (size_t i = 0; i < b->nr_diags; i++) {
		fprintf(f, "diag\t%u\t%u", b->diags[i].loc.line, b->diags[i].column);
		put(f, b->diags[i].loc.file);
		put(f, b->diags[i].severity);
		put(f, b->diags[i].message);
		fputc('\n', f);
	}
	const struct tests_result *t = &r->tests;
	fprintf(f, "tests\t%d\t%zu\t%zu", t->status, t->passed, t->total);
	put(f, t->reason);
	put(f, t->output);
	fputc('\n', f);
	for (size_t i = 0; i < t->nr_cases; i++) {
		const struct test_case *c = &t->cases[i];
		fprintf(f, "case\t%d\t%d\t%d\t%.9g\t%u", c->status, c->hidden, c->signal, c->seconds, c->loc.line);
		put(f, c->name);
		put(f, c->message);
		put(f, c->loc.file);
		put(f, c->output);
		put(f, c->crash_at);
		fputc('\n', f);
	}
	const struct complexity_result *x = &r->complexity;
	fprintf(f, "complexity\t%d\t%d\t%d\t%zu\t%d", x->status, (int)x->claim, (int)x->meter, x->stopped_at,
		x->threaded);
	put(f, x->reason);
	put(f, x->family);
	fputc('\n', f);
	for (size_t i = 0; i < x->nr_points; i++)
		fprintf(f, "point\t%zu\t%.17g\n", x->points[i].n, x->points[i].cost);
	if (x->hot.file) {
		fprintf(f, "hot\t%u\t%.17g\t%.17g\t%zu\t%zu", x->hot.line, x->hot.growth, x->hot.share, x->hot.n0,
			x->hot.n1);
		put(f, x->hot.file);
		fputc('\n', f);
		for (size_t i = 0; i < x->hot.nr_costs; i++)
			fprintf(f, "hotcost\t%u\t%.17g\t%.17g\n", x->hot.costs[i].line, x->hot.costs[i].cost,
				x->hot.costs[i].growth);
	}
	const struct memory_result *m = &r->memory;
	fprintf(f, "memory\t%d\t%zu\t%lld\t%lld\t%lld\t%lld\t%zu\t%lld\t%lld\t%u\t%lld", m->status, m->n,
		m->peak_heap, m->heap_budget, m->peak_stack, m->stack_budget, m->stack_small_n,
		m->stack_small, m->leaked_bytes, m->peak_site.line, m->peak_site_bytes);
	put(f, m->peak_site.file);
	put(f, m->heap_budget_expr);
	put(f, m->stack_budget_expr);
	put(f, m->reason);
	fputc('\n', f);
	fprintf(f, "space\t%d\t%d\t%zu", (int)m->space_claim, (int)m->space_measured, m->races);
	put(f, m->space_reading);
	fputc('\n', f);
	for (size_t i = 0; i < m->nr_space_points; i++)
		fprintf(f, "spoint\t%zu\t%.17g\n", m->space_points[i].n, m->space_points[i].cost);
	for (size_t i = 0; i < m->nr_leaks; i++) {
		fprintf(f, "leak\t%zu\t%zu\t%u", m->leaks[i].bytes, m->leaks[i].blocks, m->leaks[i].where.line);
		put(f, m->leaks[i].kind);
		put(f, m->leaks[i].where.file);
		put(f, m->leaks[i].test);
		fputc('\n', f);
	}
	for (size_t i = 0; i < m->nr_errors; i++) {
		fprintf(f, "error\t%zu\t%u\t%d", m->errors[i].count, m->errors[i].where.line, (int)m->errors[i].found_by);
		put(f, m->errors[i].what);
		put(f, m->errors[i].where.file);
		put(f, m->errors[i].detail);
		put(f, m->errors[i].test);
		fputc('\n', f);
	}
	fputs("end\n", f);
	if (fclose(f) == 0)
		rename(tmp, path);
	else
		unlink(tmp);
out:
	unlink(tmp);
	free(tmp);
	free(path);
}

/* Splits line at tabs in place; returns the field count. */
static size_t fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

int cache_load(const char *dir, const char *material, const struct spec_exercise *ex,
	       struct exercise_result *r)
{
	struct buf text = BUF_INIT;
	char *path = entry_path(dir, material);
	size_t mlen = strlen(material), alloc_d = 0, alloc_c = 0, alloc_p = 0, alloc_l = 0, alloc_e = 0, alloc_s = 0, alloc_hot = 0;
	int ret = -1, ended = 0;

	if (!dir || read_file(&text, path))
		goto out;
	char *p = text.buf;
	if (strncmp(p, MAGIC, strlen(MAGIC)))
		goto out;
	p += strlen(MAGIC);
	if (strtoull(p, &p, 10) != mlen || *p != '\n' || text.len - (size_t)(p + 1 - text.buf) < mlen + 1 ||
	    memcmp(p + 1, material, mlen) || p[1 + mlen] != '\n')
		goto out;
	p += mlen + 2;

	memset(r, 0, sizeof(*r));
	r->spec = ex;
	r->complexity.measured = r->complexity.runner_up = FIT_NONE;
	r->memory.space_claim = r->memory.space_measured = FIT_NONE;
	char *save = NULL;
	for (char *line = strtok_r(p, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[16];
		size_t n = fields(line, f, 16);
		if (!strcmp(f[0], "end")) {
			ended = 1;
		} else if (!strcmp(f[0], "build") && n == 4) {
			r->build.status = (enum status)atoi(f[1]);
			r->build.reason = get(f[2]);
			r->build.log = get(f[3]);
		} else if (!strcmp(f[0], "diag") && n == 6) {
			ALLOC_GROW(r->build.diags, r->build.nr_diags + 1, alloc_d);
			struct diagnostic *d = &r->build.diags[r->build.nr_diags++];
			d->loc.line = (unsigned)atoi(f[1]);
			d->column = (unsigned)atoi(f[2]);
			d->loc.file = get(f[3]);
			d->severity = get(f[4]);
			d->message = get(f[5]);
		} else if (!strcmp(f[0], "tests") && n == 6) {
			r->tests.status = (enum status)atoi(f[1]);
			r->tests.passed = strtoull(f[2], NULL, 10);
			r->tests.total = strtoull(f[3], NULL, 10);
			r->tests.reason = get(f[4]);
			r->tests.output = get(f[5]);
		} else if (!strcmp(f[0], "case") && n == 11) {
			ALLOC_GROW(r->tests.cases, r->tests.nr_cases + 1, alloc_c);
			struct test_case *c = &r->tests.cases[r->tests.nr_cases++];
			memset(c, 0, sizeof(*c));
			c->status = (enum case_status)atoi(f[1]);
			c->hidden = atoi(f[2]);
			c->signal = atoi(f[3]);
			c->seconds = strtod(f[4], NULL);
			c->loc.line = (unsigned)atoi(f[5]);
			c->name = get(f[6]);
			c->message = get(f[7]);
			c->loc.file = get(f[8]);
			c->output = get(f[9]);
			c->crash_at = get(f[10]);
		} else if (!strcmp(f[0], "complexity") && n == 8) {
			r->complexity.status = (enum status)atoi(f[1]);
			r->complexity.claim = (enum fit_class)atoi(f[2]);
			r->complexity.meter = (enum meter)atoi(f[3]);
			r->complexity.stopped_at = strtoull(f[4], NULL, 10);
			r->complexity.threaded = atoi(f[5]);
			r->complexity.reason = get(f[6]);
			r->complexity.family = get(f[7]);
		} else if (!strcmp(f[0], "hot") && n == 7) {
			struct hot_line *h = &r->complexity.hot;
			free(h->file);
			h->line = (unsigned)atoi(f[1]);
			h->growth = strtod(f[2], NULL);
			h->share = strtod(f[3], NULL);
			h->n0 = strtoull(f[4], NULL, 10);
			h->n1 = strtoull(f[5], NULL, 10);
			h->file = get(f[6]);
		} else if (!strcmp(f[0], "hotcost") && n == 4) {
			struct hot_line *h = &r->complexity.hot;
			ALLOC_GROW(h->costs, h->nr_costs + 1, alloc_hot);
			h->costs[h->nr_costs++] = (struct hot_cost){ (unsigned)atoi(f[1]), strtod(f[2], NULL),
								      strtod(f[3], NULL) };
		} else if (!strcmp(f[0], "point") && n == 3) {
			ALLOC_GROW(r->complexity.points, r->complexity.nr_points + 1, alloc_p);
			r->complexity.points[r->complexity.nr_points].n = strtoull(f[1], NULL, 10);
			r->complexity.points[r->complexity.nr_points++].cost = strtod(f[2], NULL);
		} else if (!strcmp(f[0], "memory") && n == 16) {
			struct memory_result *m = &r->memory;
			m->status = (enum status)atoi(f[1]);
			m->n = strtoull(f[2], NULL, 10);
			m->peak_heap = atoll(f[3]);
			m->heap_budget = atoll(f[4]);
			m->peak_stack = atoll(f[5]);
			m->stack_budget = atoll(f[6]);
			m->stack_small_n = strtoull(f[7], NULL, 10);
			m->stack_small = atoll(f[8]);
			m->leaked_bytes = atoll(f[9]);
			m->peak_site.line = (unsigned)atoi(f[10]);
			m->peak_site_bytes = atoll(f[11]);
			m->peak_site.file = get(f[12]);
			m->heap_budget_expr = get(f[13]);
			m->stack_budget_expr = get(f[14]);
			m->reason = get(f[15]);
		} else if (!strcmp(f[0], "space") && n == 5) {
			r->memory.space_claim = (enum fit_class)atoi(f[1]);
			r->memory.space_measured = (enum fit_class)atoi(f[2]);
			r->memory.races = strtoull(f[3], NULL, 10);
			r->memory.space_reading = get(f[4]);
		} else if (!strcmp(f[0], "spoint") && n == 3) {
			ALLOC_GROW(r->memory.space_points, r->memory.nr_space_points + 1, alloc_s);
			r->memory.space_points[r->memory.nr_space_points].n = strtoull(f[1], NULL, 10);
			r->memory.space_points[r->memory.nr_space_points++].cost = strtod(f[2], NULL);
		} else if (!strcmp(f[0], "leak") && n == 7) {
			ALLOC_GROW(r->memory.leaks, r->memory.nr_leaks + 1, alloc_l);
			struct leak *l = &r->memory.leaks[r->memory.nr_leaks++];
			l->bytes = strtoull(f[1], NULL, 10);
			l->blocks = strtoull(f[2], NULL, 10);
			l->where.line = (unsigned)atoi(f[3]);
			l->kind = get(f[4]);
			l->where.file = get(f[5]);
			l->test = get(f[6]);
		} else if (!strcmp(f[0], "error") && n == 8) {
			ALLOC_GROW(r->memory.errors, r->memory.nr_errors + 1, alloc_e);
			struct mem_error *e = &r->memory.errors[r->memory.nr_errors++];
			e->count = strtoull(f[1], NULL, 10);
			e->where.line = (unsigned)atoi(f[2]);
			e->found_by = atoi(f[3]) == FOUND_BY_SANITIZERS ? FOUND_BY_SANITIZERS : FOUND_BY_MEMCHECK;
			e->what = get(f[4]);
			e->where.file = get(f[5]);
			e->detail = get(f[6]);
			e->test = get(f[7]);
		}
	}
	ret = ended && !has_error(r) ? 0 : -1;
out:
	buf_release(&text);
	free(path);
	return ret;
}
