/* fuzz_memcheck.c - libFuzzer target: memcheck_parse on any bytes */
#include <stdint.h>
#include <stdlib.h>

#include "valgrind/memcheck.h"

/* The submission's files, as the parsers take them: one here. */
#define OWN(f) ((const char *const[]){ (f), NULL })

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct memcheck_report r;

	/* Not NUL-terminated on purpose: the parser must stop at size. */
	memcheck_parse((const char *)data, size, OWN("has_duplicates.c"), &r);
	for (size_t i = 0; i < r.nr_leaks; i++)
		if (!r.leaks[i].kind)
			abort();
	for (size_t i = 0; i < r.nr_errors; i++)
		if (!r.errors[i].what)
			abort();
	memcheck_release(&r);
	memcheck_release(&r); /* safe twice, says memcheck.h */
	return 0;
}
