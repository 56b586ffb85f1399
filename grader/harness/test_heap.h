/* test_heap.h - the size of the input a call of the code under test serves
 *
 * A heap budget (memory.heap in the spec) is an expression of n, checked
 * at the benchmark's size; it must hold at the tests' inputs too. The
 * grader cannot see a test's n, so the course's tests say it: around each
 * call of the code under test,
 *
 *	heap_input(n);
 *	bool got = has_duplicates(copy, n);
 *	heap_input_done();
 *
 * and the most heap the call held at once, above what was held when it
 * began, is checked against the budget at that n (the tests' sanitizer
 * build: harness/san_hooks.c; memtests.c). For a data structure, n is the
 * number of elements it will hold: begin before it is made, end after it
 * is freed. Elsewhere (the plain and memcheck builds of the tests) these
 * do nothing. The grader copies this header beside the course's tests,
 * as it does test_random.h.
 */
#ifndef TEST_HEAP_H
#define TEST_HEAP_H

#include <stddef.h>

void grader_input_begins(size_t n) __attribute__((weak));
void grader_input_ends(void) __attribute__((weak));

static inline void heap_input(size_t n)
{
	if (grader_input_begins)
		grader_input_begins(n);
}

static inline void heap_input_done(void)
{
	if (grader_input_ends)
		grader_input_ends();
}

#endif
