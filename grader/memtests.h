/* memtests.h - memory errors over the tests, at close to native speed */
#ifndef MEMTESTS_H
#define MEMTESTS_H

#include "grade.h"
#include "spec.h"

/* Runs the tests' sanitizer build (build_dir/tests-san) in dir and adds
 * what AddressSanitizer and UBSan found, each with its test, to
 * out->errors, the most heap one test held at once to
 * out->tests_heap_peak (with its name, out->tests_heap_test), and the
 * call that went furthest over the heap budget at the input size its
 * test named (test_heap.h) to out->tests_input_*. Returns 0 when that is all there is to know; 1 when
 * memcheck must still run over the tests (a test held heap after its
 * teardown, or its report or heap line is missing: *note says which);
 * -1 when there is no sanitizer build (memcheck does it all). *note is
 * NULL or the caller's to free. */
int memtests_run(const struct spec_exercise *ex, const char *build_dir, const char *dir,
		 struct memory_result *out, char **note);

#endif
