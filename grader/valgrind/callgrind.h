/* callgrind.h - read callgrind's combined dumps as append-only evidence */
#ifndef CALLGRIND_H
#define CALLGRIND_H

#include <stddef.h>

/* The instructions one source line of the submission ran in a part: its
 * own, not those of the functions it called. */
struct callgrind_line {
	char *file;                       /* base name, one of the own files */
	unsigned line;
	double cost;
};

/* One dump ("part") of a --combine-dumps stream. */
struct callgrind_part {
	unsigned number;                  /* "part: N": 1, 2, ... */
	char *trigger;                    /* "Client Request: n=2048", "Program termination" */
	unsigned long long bb_from, bb_to; /* "Timerange: Basic block A - B" */
	double total;                     /* "totals:" (equal to "summary:" in the dumps a
					   * client request asks for; the one at the end may
					   * count a little more) */
	struct callgrind_line *lines;     /* per line of the own files, when asked */
	size_t nr_lines, alloc_lines;
};

/* A stream valgrind wrote: one header, then parts numbered from 1 whose
 * basic-block ranges follow on from each other. Who could append to the
 * stream (the code under test can) cannot make it look like this except
 * by asking valgrind for real dumps, so any other byte is an error. */
struct callgrind_stream {
	struct callgrind_part *parts;
	size_t nr, alloc;
	int truncated;                    /* the last part stops before its "totals:" line,
					   * as when the run was killed while valgrind wrote it:
					   * that part is not in parts */
};

#define CALLGRIND_STREAM_INIT { NULL, 0, 0, 0 }

/* Parses the len bytes at text. Returns 0 with *out filled (truncated set
 * when the stream ends inside a part: the complete parts are still there),
 * or -1 when the stream is not what one callgrind process writes: a line
 * before or outside the header and the parts, a second header (another
 * process, or a forgery), a part out of order or missing its trigger,
 * range or totals, ranges that do not follow on; then *err (when err is not
 * NULL) is a malloc'd message for the caller to free, e.g. "line 7: part 3
 * after part 1", and out holds the parts before the fault. Release *out
 * with callgrind_release() either way. */
int callgrind_parse(const char *text, size_t len, struct callgrind_stream *out, char **err);

/* As callgrind_parse, and also sums each part's cost per source line of
 * the files own lists (NULL-terminated base names) into the part's lines.
 * The dumps must be written with --compress-strings=no --compress-pos=no
 * (file names and line numbers in full); lines that are not cost lines
 * of an own file are skipped. */
int callgrind_parse_lines(const char *text, size_t len, const char *const *own, struct callgrind_stream *out,
			  char **err);

void callgrind_release(struct callgrind_stream *s);

#endif
