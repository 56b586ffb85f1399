/* memcheck.h - read a valgrind memcheck log into leaks and errors */
#ifndef MEMCHECK_H
#define MEMCHECK_H

#include <stddef.h>

#include "grade.h"

/* What one memcheck --log-file says, in the student's terms.
 *
 * A place (leak.where, mem_error.where, and those named in details) is the
 * first frame of the stack in the student's file; when no frame is, the
 * first frame with a source line that is neither valgrind's own nor the
 * runner's input allocators bench_alloc/bench_calloc (so the course's
 * bench_setup, say); file is NULL when no frame has a source line. Compare
 * where.file with the student's base name to tell them apart.
 *
 * The log may hold several processes (a child forked by the code under
 * test writes to the same file). The first process in the log is the main
 * one. Errors and leaks come from all of them; since a forked child
 * inherits its parent's blocks, a leak or a LEAK SUMMARY total reported by
 * several processes counts once, at its largest. */
struct memcheck_report {
	/* One per kind and allocation place, in log order. bytes are the
	 * direct bytes: of "48 (16 direct, 32 indirect) bytes ... definitely
	 * lost", 16 here; the 32 have their own "indirectly lost" leak. */
	struct leak *leaks;
	size_t nr_leaks;

	/* One per kind ("what") and place, in log order: two reports of the
	 * same kind at the same student line are one error, with the detail
	 * of the first. what has no addresses ("Source and destination
	 * overlap in memcpy"); detail says which block, where it was
	 * allocated or freed, or where an uninitialised value came from, e.g.
	 * "0 bytes after a block of 40 bytes allocated at has_duplicates.c:12",
	 * and is NULL when the log says nothing more. */
	struct mem_error *errors;
	/* error_counts[i]: how many times errors[i] was reported. memcheck
	 * prints each distinct stack once, so this counts stacks unless the
	 * log was written with -s, whose list gives the real numbers. */
	size_t *error_counts;
	size_t nr_errors;

	/* Bytes, from LEAK SUMMARY ("All heap blocks were freed" makes them
	 * 0); -1 when the main process does not say, as when it was killed. */
	long long definitely_lost, indirectly_lost, possibly_lost, still_reachable;
	/* The main process's "ERROR SUMMARY: N errors", -1 when not seen. With
	 * --errors-for-leak-kinds, leaks of those kinds are counted in N. */
	long long error_total;
	int fatal_signal;   /* the signal that ended the main process, 0 if none */
	int complete;       /* 1 when the main process's ERROR SUMMARY was seen */
};

/* Parses the len bytes of a memcheck log at log (need not end in '\0').
 * own lists the submission's files (the exercise's first, then its
 * helpers'), matched by base name against each frame's "(file.c:12)": a
 * finding's place is its first frame in one of them.
 * Lines without a "==PID==" prefix are skipped; a truncated log gives what
 * it holds, with complete 0. Returns 0, or -1 when no line has the prefix
 * (an empty log, or not a valgrind log). *out is filled either way and is
 * the caller's to release with memcheck_release(); it is overwritten, not
 * released, so release it first when it is reused. */
int memcheck_parse(const char *log, size_t len, const char *const *own, struct memcheck_report *out);

/* Frees everything the report holds and leaves it empty; safe to call
 * twice. */
void memcheck_release(struct memcheck_report *r);

#endif
