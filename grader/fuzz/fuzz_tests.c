/* fuzz_tests.c - libFuzzer target: tests_parse_records, the test hooks'
 * records (harness/cr_hooks.c) as the grader reads them back */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"
#include "tests.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *hidden[] = { "secret", "has_duplicates/hidden_case" };
	struct spec_exercise ex;
	struct exercise_result r;

	memset(&ex, 0, sizeof(ex));
	ex.name = "has_duplicates";
	ex.test_timeout = 2;
	ex.hidden = hidden;
	ex.nr_hidden = 2;
	memset(&r, 0, sizeof(r));

	char *text = xstrndup((const char *)data, size);
	tests_parse_records(text, &ex, &r.tests);
	for (size_t i = 0; i < r.tests.nr_cases; i++) {
		const struct test_case *c = &r.tests.cases[i];
		if (!c->name || c->status > CASE_MISSING)
			abort();
		if (c->status != CASE_PASSED && c->status != CASE_MISSING && !c->message)
			abort(); /* every failure says why */
	}
	exercise_result_release(&r);
	free(text);
	return 0;
}
