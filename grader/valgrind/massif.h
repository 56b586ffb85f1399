/* massif.h - read valgrind massif output into peak heap figures */
#ifndef MASSIF_H
#define MASSIF_H

#include <stddef.h>

#include "grade.h"

/* What one massif.out file says about the peak. Bytes are what the program
 * asked for (mem_heap_B), which is what budgets are written in; the
 * allocator's own overhead is apart in heap_extra_bytes. Allocations made
 * in functions massif was told to ignore (--ignore-fn) are in none of them. */
struct massif_peak {
	long long heap_bytes;       /* the largest mem_heap_B of any snapshot */
	long long heap_extra_bytes; /* mem_heap_extra_B of that same snapshot */
	long long stack_bytes;      /* the largest mem_stacks_B; 0 without --stacks=yes */
	int peak_snapshot;          /* number of the snapshot with heap_bytes, -1 if none */
	int nr_snapshots;

	/* The line of the student's file holding the most bytes in the peak
	 * snapshot's tree, or, when that snapshot has no tree, in the tree of
	 * the largest snapshot that has one. An allocation counts for the
	 * student frame nearest to the allocation function, so qsort's buffer
	 * counts for the line calling qsort, and a helper's malloc for the
	 * helper's line. site.file is NULL (line 0, site_fn NULL, site_bytes 0)
	 * when no frame of the student's file holds a byte there. */
	struct location site;       /* site.file is the base name, e.g. "has_duplicates.c" */
	char *site_fn;              /* the function that line is in */
	long long site_bytes;       /* bytes allocated from that line, summed over its stacks */
	int site_snapshot;          /* the snapshot the site was read from, -1 if none */
};

/* Parses the len bytes of massif output at text (need not end in '\0').
 * own lists the submission's files (a NULL-terminated list), matched by
 * base name against the "(file.c:LINE)" of each frame. Returns 0 with *out filled, or -1 when the text is not a whole
 * massif file (garbage, a header or snapshot cut short, a bad number or
 * tree line): then *out holds nothing to free and, if err is not NULL,
 * *err is a malloc'd one-line message ("line 12: ..."), which the caller
 * frees. *out is overwritten, not released, so release it first when it is
 * reused. A file cut exactly between two snapshots cannot be told from a
 * whole one: massif writes no end marker. */
int massif_parse(const char *text, size_t len, const char *const *own, struct massif_peak *out, char **err);

/* Frees what massif_parse put in p and leaves it as after a failed parse;
 * safe to call twice. */
void massif_release(struct massif_peak *p);

#endif
