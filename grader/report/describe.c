/* describe.c - one wording of a leak and of a memory error for every writer
 *
 * The lines are plain text: each writer escapes them for its format.
 */
#include "report.h"

#include "util.h"

static const char *finder_name(enum finder f)
{
	return f == FOUND_BY_SANITIZERS ? "AddressSanitizer/UBSan" : "memcheck";
}

char *report_leak_line(const struct leak *l)
{
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s in %zu block%s (%s)", memory_human((long long)l->bytes), l->blocks, l->blocks == 1 ? "" : "s",
		 l->kind ? l->kind : "lost");
	if (l->where.file)
		buf_addf(&b, ", allocated at %s:%u", l->where.file, l->where.line);
	if (l->test)
		buf_addf(&b, " (test %s)", l->test);
	return buf_detach(&b);
}

char *report_error_line(const struct mem_error *e)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, e->what ? e->what : "memory error");
	if (e->where.file)
		buf_addf(&b, " at %s:%u", e->where.file, e->where.line);
	if (e->detail)
		buf_addf(&b, ": %s", e->detail);
	if (e->test)
		buf_addf(&b, " (test %s, found by %s)", e->test, finder_name(e->found_by));
	else
		buf_addf(&b, " (found by %s)", finder_name(e->found_by));
	return buf_detach(&b);
}

const char *report_stop_words(const struct complexity_result *c)
{
	if (c->timed_out)
		return "ran out of time";
	return c->meter == METER_TIME ? "not run: over the time budget" : "not run: over the instruction budget";
}
