/* sanitizer.h - read what AddressSanitizer, LeakSanitizer and UBSan printed
 *
 * The tests of an exercise run once more, natively, built with
 * -fsanitize=address,undefined: invalid reads and writes (heap, stack and
 * global arrays, which memcheck cannot see for the last two), use after
 * free, double free, leaks and undefined behaviour, at close to native
 * speed and in one process per test instead of one valgrind per test.
 * This module only reads the text they print, in the student's terms.
 */
#ifndef SANITIZER_H
#define SANITIZER_H

#include <stddef.h>

#include "grade.h"

struct sanitizer_report {
	/* One per kind and place, in the order printed; a report repeated at
	 * the same place counts once more in errors[i].count. */
	struct mem_error *errors;
	size_t nr_errors;
	/* One per kind ("definitely lost" for LeakSanitizer's direct leaks,
	 * "indirectly lost" for indirect ones) and allocation place. */
	struct leak *leaks;
	size_t nr_leaks;
	/* A report began but its text was cut off (the process was killed,
	 * or its output capped): what it held is counted. */
	int truncated;
};

/* Parses len bytes of sanitizer output at text (stderr of a sanitized
 * program; other lines are skipped). A place is the first frame in
 * one of own (the submission's files, a NULL-terminated list matched by
 * base name), else the first frame with a source
 * line outside the sanitizer runtime and the C library; its file is NULL
 * when no frame has one. Returns the number of reports found (errors plus
 * leak records). *out is the caller's to release with
 * sanitizer_release(). */
size_t sanitizer_parse(const char *text, size_t len, const char *const *own,
		       struct sanitizer_report *out);

/* Frees what the report holds and leaves it empty; safe to call twice. */
void sanitizer_release(struct sanitizer_report *r);

#endif
