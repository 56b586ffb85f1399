/* test_expr.c - budget expressions: values, and errors with their columns */
#include <criterion/criterion.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"

struct value_case {
	const char *expr;
	double n;
	double want;
};

static const struct value_case values[] = {
	{ "0", 1000, 0 },
	{ "42", 0, 42 },
	{ "1.5", 0, 1.5 },
	{ ".5*n", 10, 5 },
	{ "n", 7, 7 },
	{ "16*n + 64KiB", 1000, 16000 + 65536 },
	{ "4*n + 64 KiB", 1000, 4000 + 65536 },
	{ "16*n+64KiB", 16384, 16 * 16384 + 65536 },
	{ "2*n*sizeof(int)", 100, 2 * 100 * sizeof(int) },
	{ "n*log2(n)", 1024, 10240 },
	{ "(n+1)*8", 9, 80 },
	{ "1MiB", 0, 1048576 },
	{ "1.5 MiB", 0, 1.5 * 1048576 },
	{ "3B", 0, 3 },
	{ "3 b", 0, 3 },
	{ "2KB", 0, 2048 },
	{ "2kib", 0, 2048 },
	{ "1MB", 0, 1048576 },
	{ "1GB", 0, 1073741824.0 },
	{ "2 GiB", 0, 2147483648.0 },
	{ "sqrt(n)", 144, 12 },
	{ "sqrt(n) * log2(n)", 256, 128 },
	{ "2+3*4", 0, 14 },
	{ "(2+3)*4", 0, 20 },
	{ "10-4-3", 0, 3 },
	{ "16/4/2", 0, 2 },
	{ "n/4", 10, 2.5 },
	{ "-n + 10", 4, 6 },
	{ "--n", 4, 4 },
	{ "-(n)", 4, -4 },
	{ "+n", 4, 4 },
	{ "2*-n", 4, -8 },
	{ " \t n \t", 3, 3 },
	{ "((((n))))", 5, 5 },
	{ "sizeof(char)", 0, 1 },
	{ "sizeof(short)", 0, sizeof(short) },
	{ "sizeof(long)", 0, sizeof(long) },
	{ "sizeof(long long)", 0, sizeof(long long) },
	{ "sizeof( unsigned  long )", 0, sizeof(unsigned long) },
	{ "sizeof(float)", 0, sizeof(float) },
	{ "sizeof(double)", 0, sizeof(double) },
	{ "sizeof(size_t)", 0, sizeof(size_t) },
	{ "sizeof(void*)", 0, sizeof(void *) },
	{ "sizeof(void *)", 0, sizeof(void *) },
	{ "sizeof(char **)", 0, sizeof(char **) },
	{ "sizeof(int*)", 0, sizeof(int *) },
	{ "sizeof(struct node *)", 0, sizeof(void *) },
	{ "sizeof(int8_t)", 0, 1 },
	{ "sizeof(int16_t)", 0, 2 },
	{ "sizeof(int32_t)", 0, 4 },
	{ "sizeof(int64_t)", 0, 8 },
	{ "sizeof(uint8_t)", 0, 1 },
	{ "sizeof(uint16_t)", 0, 2 },
	{ "sizeof(uint32_t)", 0, 4 },
	{ "sizeof(uint64_t)", 0, 8 },
	{ "n/(n-1024)", 1025, 1025 },
};

Test(expr, values)
{
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		const struct value_case *c = &values[i];
		double got = -12345;
		size_t col = 0;
		char *msg = NULL;
		cr_expect_eq(expr_check(c->expr, &col, &msg), 0, "'%s' should parse: %zu: %s",
			     c->expr, col, msg ? msg : "");
		free(msg);
		cr_expect_eq(expr_eval(c->expr, c->n, &got), 0, "'%s' should evaluate", c->expr);
		cr_expect(fabs(got - c->want) <= 1e-9 * fmax(1, fabs(c->want)),
			  "'%s' at n = %g: got %g, want %g", c->expr, c->n, got, c->want);
	}
}

struct error_case {
	const char *expr;
	size_t col;
	const char *msg; /* the start of the message */
};

static const struct error_case errors[] = {
	{ "", 1, "empty expression" },
	{ "   ", 1, "empty expression" },
	{ "16*n + 64KiBs", 10, "unknown unit 'KiBs'" },
	{ "16*n + 64 KiBs", 11, "unknown unit 'KiBs'" },
	{ "64 kilobytes", 4, "unknown unit 'kilobytes'" },
	{ "n +", 4, "expected a number, n or '(' after '+'" },
	{ "n + * 2", 5, "expected a number, n or '(' after '+'" },
	{ "n * ", 5, "expected a number, n or '(' after '*'" },
	{ "-", 2, "expected a number, n or '(' after '-'" },
	{ "*n", 1, "expected a number, n or '(' at the start" },
	{ "()", 2, "expected a number, n or '(' after '('" },
	{ "(n + 1", 7, "expected ')' to close the '(' at column 1" },
	{ "n)", 2, "unmatched ')'" },
	{ "2n", 2, "missing operator before 'n'" },
	{ "2 n", 3, "missing operator before 'n'" },
	{ "n n", 3, "missing operator before 'n'" },
	{ "(n)(n)", 4, "missing operator before '('" },
	{ "n 2", 3, "missing operator before '2'" },
	{ "sizeof(foo)", 8, "unknown type 'foo'" },
	{ "sizeof(unsigned foo)", 8, "unknown type 'unsigned foo'" },
	{ "sizeof(void)", 8, "sizeof(void) is not a size" },
	{ "sizeof()", 8, "expected a type after 'sizeof('" },
	{ "sizeof(int", 11, "expected ')' after the type in 'sizeof'" },
	{ "sizeof int", 8, "expected '(' after 'sizeof'" },
	{ "2*sizeof(n)", 10, "unknown type 'n'" },
	{ "log(n)", 1, "unknown name 'log'" },
	{ "x + 1", 1, "unknown name 'x'" },
	{ "N", 1, "unknown name 'N' (did you mean 'n'?)" },
	{ "KiB", 1, "a unit needs a number before it" },
	{ "log2 n", 6, "expected '(' after 'log2'" },
	{ "sqrt(n", 7, "expected ')' to close 'sqrt(' at column 1" },
	{ "1/0", 3, "division by zero" },
	{ "n / (2 - 2)", 5, "division by zero" },
	{ "n/0KiB", 3, "division by zero" },
	{ "log2(0)", 1, "log2 of 0 has no value" },
	{ "sqrt(-4)", 1, "sqrt of -4 has no value" },
	{ "1.", 3, "expected a digit after '.'" },
	{ "n $ 2", 3, "unexpected character '$'" },
	{ "n + \x01", 5, "unexpected byte 0x01" },
	{ "16*n + 64KiB;", 13, "unexpected character ';'" },
};

Test(expr, errors)
{
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		const struct error_case *c = &errors[i];
		size_t col = 0;
		char *msg = NULL;
		double v;
		cr_expect_eq(expr_check(c->expr, &col, &msg), -1, "'%s' should not parse", c->expr);
		cr_expect_eq(col, c->col, "'%s': column %zu, want %zu (%s)", c->expr, col, c->col,
			     msg ? msg : "");
		cr_expect(msg && !strncmp(msg, c->msg, strlen(c->msg)),
			  "'%s': message '%s', want '%s...'", c->expr, msg ? msg : "(none)", c->msg);
		free(msg);
		cr_expect_eq(expr_eval(c->expr, 1000, &v), -1, "'%s' should not evaluate", c->expr);
	}
}

/* Valid everywhere but at some n: expr_eval fails there, expr_check cannot know. */
struct bad_n_case {
	const char *expr;
	double n;
};

static const struct bad_n_case bad_n[] = {
	{ "n/(n-1024)", 1024 },
	{ "1/n", 0 },
	{ "log2(n)", 0 },
	{ "n*log2(n)", 0 },
	{ "sqrt(n - 10)", 1 },
};

Test(expr, fails_at_some_n)
{
	for (size_t i = 0; i < sizeof(bad_n) / sizeof(bad_n[0]); i++) {
		double v = 42;
		cr_expect_eq(expr_check(bad_n[i].expr, NULL, NULL), 0, "'%s' parses", bad_n[i].expr);
		cr_expect_eq(expr_eval(bad_n[i].expr, bad_n[i].n, &v), -1, "'%s' at n = %g",
			     bad_n[i].expr, bad_n[i].n);
		cr_expect_eq(v, 42, "out is left alone on failure");
	}
}

Test(expr, null_and_no_outputs)
{
	size_t col = 0;
	char *msg = NULL;
	double v;
	cr_assert_eq(expr_check(NULL, &col, &msg), -1);
	cr_expect_eq(col, 1);
	cr_expect_str_eq(msg, "empty expression");
	free(msg);
	cr_expect_eq(expr_eval(NULL, 1, &v), -1);
	cr_expect_eq(expr_check("n +", NULL, NULL), -1);
	cr_expect_eq(expr_check("n", NULL, NULL), 0);
}

static char *repeat(const char *open, size_t times, const char *middle, const char *close)
{
	size_t lo = strlen(open), lm = strlen(middle), lc = strlen(close);
	char *s = malloc(times * (lo + lc) + lm + 1);
	char *p = s;
	cr_assert(s);
	for (size_t i = 0; i < times; i++, p += lo)
		memcpy(p, open, lo);
	memcpy(p, middle, lm);
	p += lm;
	for (size_t i = 0; i < times; i++, p += lc)
		memcpy(p, close, lc);
	*p = '\0';
	return s;
}

Test(expr, nesting_is_bounded)
{
	struct {
		const char *open, *close;
		size_t times;
		int ok;
		size_t col;
	} cases[] = {
		{ "(", ")", EXPR_MAX_DEPTH, 1, 0 },
		{ "(", ")", EXPR_MAX_DEPTH + 1, 0, EXPR_MAX_DEPTH + 1 },
		{ "(", ")", 100000, 0, EXPR_MAX_DEPTH + 1 },
		{ "-", "", EXPR_MAX_DEPTH, 1, 0 },
		{ "-", "", 100000, 0, EXPR_MAX_DEPTH + 1 },
		{ "sqrt(", ")", 100000, 0, 5 * EXPR_MAX_DEPTH + 5 },
		{ "(", "", 100000, 0, EXPR_MAX_DEPTH + 1 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *s = repeat(cases[i].open, cases[i].times, "n", cases[i].close);
		size_t col = 0;
		char *msg = NULL;
		int ret = expr_check(s, &col, &msg);
		if (cases[i].ok) {
			cr_expect_eq(ret, 0, "%zu x '%s' parses: %s", cases[i].times, cases[i].open,
				     msg ? msg : "");
		} else {
			cr_expect_eq(ret, -1, "%zu x '%s' is refused", cases[i].times, cases[i].open);
			cr_expect_eq(col, cases[i].col, "%zu x '%s': column %zu", cases[i].times,
				     cases[i].open, col);
			cr_expect(msg && strstr(msg, "nested too deeply"), "message: %s",
				  msg ? msg : "(none)");
		}
		free(msg);
		free(s);
	}
}

Test(expr, long_flat_expressions_are_fine)
{
	char *s = repeat("n+", 200000, "n", "");
	double v = 0;
	cr_assert_eq(expr_eval(s, 2, &v), 0);
	cr_expect_eq(v, 2 * 200001.0);
	free(s);
}
