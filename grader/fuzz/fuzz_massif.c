/* fuzz_massif.c - libFuzzer target: massif_parse on any bytes */
#include <stdint.h>
#include <stdlib.h>

#include "valgrind/massif.h"

/* The submission's files, as the parsers take them: one here. */
#define OWN(f) ((const char *const[]){ (f), NULL })

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct massif_peak peak;
	char *err = NULL;

	/* Not NUL-terminated on purpose: the parser must stop at size. */
	if (!massif_parse((const char *)data, size, OWN("has_duplicates.c"), &peak, &err)) {
		massif_release(&peak);
		massif_release(&peak); /* safe twice, says massif.h */
	} else if (!err) {
		abort(); /* a failure comes with its message */
	}
	free(err);
	return 0;
}
