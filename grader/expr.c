/* expr.c - budget expressions of n: a recursive-descent parser that
 * evaluates as it parses */
#include "expr.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "util.h"

struct parser {
	const char *s;      /* the whole expression: columns count from here */
	const char *p;      /* the next byte to read */
	double n;
	int eval;           /* expr_eval: fail on any division by zero */
	int depth;
	const char *tok;    /* the last token read, for "after '+'" */
	size_t tok_len;
	const char *err_at; /* set with err_msg on the first error */
	char *err_msg;
};

/* A value and whether it is the same for every n: only a constant zero
 * divisor is an error at check time. */
struct value {
	double v;
	int constant;
};

static const struct {
	const char *name;
	double bytes;
} units[] = {
	{ "B", 1 },
	{ "KB", 1024.0 }, { "KiB", 1024.0 },
	{ "MB", 1048576.0 }, { "MiB", 1048576.0 },
	{ "GB", 1073741824.0 }, { "GiB", 1073741824.0 },
};

static const struct {
	const char *name;
	size_t size;
} types[] = {
	{ "char", sizeof(char) }, { "signed char", sizeof(signed char) },
	{ "unsigned char", sizeof(unsigned char) },
	{ "short", sizeof(short) }, { "short int", sizeof(short) },
	{ "signed short", sizeof(short) }, { "unsigned short", sizeof(unsigned short) },
	{ "unsigned short int", sizeof(unsigned short) },
	{ "int", sizeof(int) }, { "signed", sizeof(int) }, { "signed int", sizeof(int) },
	{ "unsigned", sizeof(unsigned) }, { "unsigned int", sizeof(unsigned) },
	{ "long", sizeof(long) }, { "long int", sizeof(long) },
	{ "signed long", sizeof(long) }, { "unsigned long", sizeof(unsigned long) },
	{ "unsigned long int", sizeof(unsigned long) },
	{ "long long", sizeof(long long) }, { "long long int", sizeof(long long) },
	{ "signed long long", sizeof(long long) },
	{ "unsigned long long", sizeof(unsigned long long) },
	{ "unsigned long long int", sizeof(unsigned long long) },
	{ "float", sizeof(float) }, { "double", sizeof(double) },
	{ "long double", sizeof(long double) },
	{ "size_t", sizeof(size_t) }, { "ssize_t", sizeof(ssize_t) },
	{ "ptrdiff_t", sizeof(ptrdiff_t) }, { "intptr_t", sizeof(intptr_t) },
	{ "uintptr_t", sizeof(uintptr_t) }, { "bool", sizeof(bool) },
	{ "_Bool", sizeof(_Bool) },
	{ "int8_t", sizeof(int8_t) }, { "int16_t", sizeof(int16_t) },
	{ "int32_t", sizeof(int32_t) }, { "int64_t", sizeof(int64_t) },
	{ "uint8_t", sizeof(uint8_t) }, { "uint16_t", sizeof(uint16_t) },
	{ "uint32_t", sizeof(uint32_t) }, { "uint64_t", sizeof(uint64_t) },
};

static int parse_sum(struct parser *ps, struct value *out);

static int fail(struct parser *ps, const char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct parser *ps, const char *at, const char *fmt, ...)
{
	if (ps->err_msg)
		return -1;
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	ps->err_at = at;
	ps->err_msg = buf_detach(&b);
	return -1;
}

static void skip_space(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t')
		ps->p++;
}

static int is_word_start(char c)
{
	return isalpha((unsigned char)c) || c == '_';
}

static int is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static size_t word_len(const char *p)
{
	size_t l = 0;
	while (is_word_char(p[l]))
		l++;
	return l;
}

/* At most 32 bytes of a word, for messages. */
static int shown(size_t len)
{
	return len > 32 ? 32 : (int)len;
}

static const char *ellipsis(size_t len)
{
	return len > 32 ? "..." : "";
}

static int word_is(const char *w, size_t len, const char *name)
{
	return strlen(name) == len && !memcmp(w, name, len);
}

static void take(struct parser *ps, size_t len)
{
	ps->tok = ps->p;
	ps->tok_len = len;
	ps->p += len;
}

static int enter(struct parser *ps, const char *at)
{
	if (++ps->depth > EXPR_MAX_DEPTH)
		return fail(ps, at, "expression nested too deeply (more than %d levels)",
			    EXPR_MAX_DEPTH);
	return 0;
}

/* "expected a number, n or '(' after '*'", or "... at the start". */
static int expected_operand(struct parser *ps)
{
	unsigned char c = (unsigned char)*ps->p;
	if (c && !strchr("+-*/()", c) && !isspace(c)) {
		if (isprint(c))
			return fail(ps, ps->p, "unexpected character '%c'", c);
		return fail(ps, ps->p, "unexpected byte 0x%02x", c);
	}
	if (!ps->tok && !c)
		return fail(ps, ps->s, "empty expression");
	if (!ps->tok)
		return fail(ps, ps->p, "expected a number, n or '(' at the start");
	return fail(ps, ps->p, "expected a number, n or '(' after '%.*s'",
		    shown(ps->tok_len), ps->tok);
}

static int parse_unit(struct parser *ps, struct value *out)
{
	const char *save = ps->p;
	skip_space(ps);
	if (!is_word_start(*ps->p)) {
		ps->p = save;
		return 0;
	}
	const char *w = ps->p;
	size_t len = word_len(w);
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strlen(units[i].name) == len && !strncasecmp(w, units[i].name, len)) {
			out->v *= units[i].bytes;
			take(ps, len);
			return 0;
		}
	}
	if (word_is(w, len, "n") || word_is(w, len, "sizeof") ||
	    word_is(w, len, "log2") || word_is(w, len, "sqrt"))
		return fail(ps, w, "missing operator before '%.*s' (write 2*n, not 2n)",
			    (int)len, w);
	return fail(ps, w, "unknown unit '%.*s%s' (known: B, KiB, MiB, GiB)",
		    shown(len), w, ellipsis(len));
}

static int parse_number(struct parser *ps, struct value *out)
{
	const char *start = ps->p;
	const char *q = start;
	while (isdigit((unsigned char)*q))
		q++;
	if (*q == '.') {
		q++;
		if (!isdigit((unsigned char)*q))
			return fail(ps, q, "expected a digit after '.'");
		while (isdigit((unsigned char)*q))
			q++;
	}
	char *copy = xstrndup(start, (size_t)(q - start));
	out->v = strtod(copy, NULL);
	out->constant = 1;
	free(copy);
	take(ps, (size_t)(q - start));
	return parse_unit(ps, out);
}

/* sizeof(T): the words of T, then any number of '*'. */
static int parse_sizeof(struct parser *ps, struct value *out)
{
	skip_space(ps);
	if (*ps->p != '(')
		return fail(ps, ps->p, "expected '(' after 'sizeof'");
	take(ps, 1);
	skip_space(ps);

	const char *type_at = ps->p;
	struct buf name = BUF_INIT;
	int words = 0, stars = 0, tagged = 0;
	while (is_word_start(*ps->p)) {
		size_t len = word_len(ps->p);
		if (words == 0 && (word_is(ps->p, len, "struct") ||
				   word_is(ps->p, len, "union") || word_is(ps->p, len, "enum")))
			tagged = 1;
		if (words++)
			buf_adds(&name, " ");
		buf_add(&name, ps->p, len);
		take(ps, len);
		skip_space(ps);
	}
	while (*ps->p == '*') {
		stars++;
		take(ps, 1);
		skip_space(ps);
	}

	int ret = 0;
	if (!words) {
		ret = fail(ps, type_at, "expected a type after 'sizeof('");
	} else if (*ps->p != ')') {
		ret = fail(ps, ps->p, "expected ')' after the type in 'sizeof'");
	} else {
		size_t size = 0;
		for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (!strcmp(name.buf, types[i].name))
				size = types[i].size;
		if (stars && (size || !strcmp(name.buf, "void") || (tagged && words == 2)))
			size = sizeof(void *);
		if (!size && !strcmp(name.buf, "void"))
			ret = fail(ps, type_at, "sizeof(void) is not a size (did you mean 'void*'?)");
		else if (!size)
			ret = fail(ps, type_at, "unknown type '%.*s%s'",
				   shown(name.len), name.buf, ellipsis(name.len));
		out->v = (double)size;
		out->constant = 1;
		take(ps, 1);
	}
	buf_release(&name);
	return ret;
}

static int parse_call(struct parser *ps, const char *fn, size_t fn_len, struct value *out)
{
	skip_space(ps);
	if (*ps->p != '(')
		return fail(ps, ps->p, "expected '(' after '%.*s'", (int)fn_len, fn);
	const char *open = ps->p;
	if (enter(ps, open))
		return -1;
	take(ps, 1);
	if (parse_sum(ps, out))
		return -1;
	skip_space(ps);
	if (*ps->p != ')')
		return fail(ps, ps->p, "expected ')' to close '%.*s(' at column %zu",
			    (int)fn_len, fn, (size_t)(fn - ps->s) + 1);
	take(ps, 1);
	ps->depth--;

	double x = out->v;
	int is_log = fn_len == 4 && !memcmp(fn, "log2", 4);
	out->v = is_log ? log2(x) : sqrt(x);
	if (!isfinite(out->v) && (ps->eval || out->constant))
		return fail(ps, fn, "%s of %g has no value", is_log ? "log2" : "sqrt", x);
	if (!isfinite(out->v))
		out->v = 0;
	return 0;
}

static int parse_word(struct parser *ps, struct value *out)
{
	const char *w = ps->p;
	size_t len = word_len(w);
	take(ps, len);
	if (word_is(w, len, "n")) {
		out->v = ps->n;
		out->constant = 0;
		return 0;
	}
	if (word_is(w, len, "sizeof"))
		return parse_sizeof(ps, out);
	if (word_is(w, len, "log2") || word_is(w, len, "sqrt"))
		return parse_call(ps, w, len, out);
	if (word_is(w, len, "N"))
		return fail(ps, w, "unknown name 'N' (did you mean 'n'?)");
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strlen(units[i].name) == len && !strncasecmp(w, units[i].name, len))
			return fail(ps, w, "a unit needs a number before it, as in 1%s",
				    units[i].name);
	return fail(ps, w, "unknown name '%.*s%s' (known: n, sizeof, log2, sqrt)",
		    shown(len), w, ellipsis(len));
}

static int parse_primary(struct parser *ps, struct value *out)
{
	skip_space(ps);
	char c = *ps->p;
	if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)ps->p[1])))
		return parse_number(ps, out);
	if (is_word_start(c))
		return parse_word(ps, out);
	if (c != '(')
		return expected_operand(ps);

	const char *open = ps->p;
	if (enter(ps, open))
		return -1;
	take(ps, 1);
	if (parse_sum(ps, out))
		return -1;
	skip_space(ps);
	if (*ps->p != ')')
		return fail(ps, ps->p, "expected ')' to close the '(' at column %zu",
			    (size_t)(open - ps->s) + 1);
	take(ps, 1);
	ps->depth--;
	return 0;
}

static int parse_unary(struct parser *ps, struct value *out)
{
	skip_space(ps);
	char c = *ps->p;
	if (c != '-' && c != '+')
		return parse_primary(ps, out);
	if (enter(ps, ps->p))
		return -1;
	take(ps, 1);
	if (parse_unary(ps, out))
		return -1;
	ps->depth--;
	if (c == '-')
		out->v = -out->v;
	return 0;
}

static int parse_product(struct parser *ps, struct value *out)
{
	if (parse_unary(ps, out))
		return -1;
	for (;;) {
		skip_space(ps);
		char op = *ps->p;
		if (op != '*' && op != '/')
			return 0;
		take(ps, 1);
		skip_space(ps);
		const char *rhs_at = ps->p;
		struct value r;
		if (parse_unary(ps, &r))
			return -1;
		if (op == '*') {
			out->v *= r.v;
		} else if (r.v != 0) {
			out->v /= r.v;
		} else if (ps->eval || r.constant) {
			return fail(ps, rhs_at, "division by zero");
		} else {
			out->v = 0;
		}
		out->constant = out->constant && r.constant;
	}
}

static int parse_sum(struct parser *ps, struct value *out)
{
	if (parse_product(ps, out))
		return -1;
	for (;;) {
		skip_space(ps);
		char op = *ps->p;
		if (op != '+' && op != '-')
			return 0;
		take(ps, 1);
		struct value r;
		if (parse_product(ps, &r))
			return -1;
		out->v = op == '+' ? out->v + r.v : out->v - r.v;
		out->constant = out->constant && r.constant;
	}
}

static int parse(struct parser *ps, struct value *out)
{
	if (!ps->s)
		return fail(ps, "", "empty expression");
	if (parse_sum(ps, out))
		return -1;
	skip_space(ps);
	char c = *ps->p;
	if (!c)
		return 0;
	if (c == ')')
		return fail(ps, ps->p, "unmatched ')'");
	if (is_word_start(c) || isdigit((unsigned char)c) || c == '(' || c == '.') {
		size_t len = c == '(' ? 1 : word_len(ps->p);
		return fail(ps, ps->p, "missing operator before '%.*s%s'",
			    shown(len ? len : 1), ps->p, ellipsis(len));
	}
	return expected_operand(ps);
}

int expr_check(const char *s, size_t *err_col, char **err_msg)
{
	struct parser ps = { .s = s, .p = s, .n = 1000 };
	struct value v;
	if (!parse(&ps, &v))
		return 0;
	if (err_col)
		*err_col = s ? (size_t)(ps.err_at - s) + 1 : 1;
	if (err_msg)
		*err_msg = ps.err_msg;
	else
		free(ps.err_msg);
	return -1;
}

int expr_eval(const char *s, double n, double *out)
{
	struct parser ps = { .s = s, .p = s, .n = n, .eval = 1 };
	struct value v;
	int ret = parse(&ps, &v);
	free(ps.err_msg);
	if (ret || !isfinite(v.v))
		return -1;
	*out = v.v;
	return 0;
}
