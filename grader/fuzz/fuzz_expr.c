/* fuzz_expr.c - libFuzzer target: budget expressions (expr_check, expr_eval)
 *
 * Any text, checked and evaluated at a few n. Besides crashes, sanitizer
 * reports and leaks, it holds the parser to its word: a problem's column
 * lies inside the text (or one past its end), and what expr_check refuses
 * expr_eval refuses too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const double ns[] = { 0, 1, 2, 1000, 16384, 1e18 };
	char *s = xstrndup((const char *)data, size);
	size_t len = strlen(s), col = 0;
	char *msg = NULL;
	int bad = expr_check(s, &col, &msg);

	if (bad) {
		if (!msg || col < 1 || col > len + 1)
			abort();
		free(msg);
	} else if (msg) {
		abort();
	}
	for (size_t i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
		double v = -1;
		if (!expr_eval(s, ns[i], &v) && bad)
			abort(); /* evaluated what does not check */
	}
	free(s);
	return 0;
}
