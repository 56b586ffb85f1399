/* fit.c - growth classes and fitting measured costs against them */
#include "fit.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

static const char *const names[FIT_NR_CLASSES] = {
	"O(1)", "O(log n)", "O(sqrt n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)",
};

static const char *const words[FIT_NR_CLASSES] = {
	"constant", "logarithmic", "square-root", "linear", "linearithmic",
	"quadratic", "cubic", "exponential",
};

const char *fit_class_name(enum fit_class c)
{
	return c >= 0 && c < FIT_NR_CLASSES ? names[c] : "unknown";
}

const char *fit_class_word(enum fit_class c)
{
	return c >= 0 && c < FIT_NR_CLASSES ? words[c] : "unknown";
}

/* Lower-cases s into out, dropping spaces, '*' and "O(...)" wrapping, and
 * spelling ², ³ and √ as ^2, ^3 and sqrt. */
static int normalise(const char *s, char *out, size_t size)
{
	size_t o = 0;
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		const char *rep = NULL;
		char one[2] = { 0, 0 };
		if (p[0] == 0xc2 && p[1] == 0xb2) {
			rep = "^2", p += 2;
		} else if (p[0] == 0xc2 && p[1] == 0xb3) {
			rep = "^3", p += 2;
		} else if (p[0] == 0xe2 && p[1] == 0x88 && p[2] == 0x9a) {
			rep = "sqrt", p += 3;
		} else if (isspace(*p) || *p == '*' || *p == '\xc2') {
			p++;
			continue;
		} else {
			one[0] = (char)tolower(*p++);
			rep = one;
		}
		size_t l = strlen(rep);
		if (o + l + 1 > size)
			return -1;
		memcpy(out + o, rep, l);
		o += l;
	}
	out[o] = '\0';
	return 0;
}

int fit_class_parse(const char *s, enum fit_class *out)
{
	static const struct {
		const char *spelling;
		enum fit_class c;
	} table[] = {
		{ "1", FIT_1 }, { "logn", FIT_LOGN }, { "log(n)", FIT_LOGN },
		{ "lgn", FIT_LOGN }, { "log2n", FIT_LOGN }, { "log2(n)", FIT_LOGN },
		{ "sqrtn", FIT_SQRTN }, { "sqrt(n)", FIT_SQRTN }, { "n^0.5", FIT_SQRTN },
		{ "n^(1/2)", FIT_SQRTN }, { "n", FIT_N }, { "nlogn", FIT_NLOGN },
		{ "nlog(n)", FIT_NLOGN }, { "nlgn", FIT_NLOGN }, { "nlog2n", FIT_NLOGN },
		{ "n^2", FIT_N2 }, { "n2", FIT_N2 }, { "n^3", FIT_N3 }, { "n3", FIT_N3 },
		{ "2^n", FIT_EXP }, { "exp", FIT_EXP }, { "exp(n)", FIT_EXP },
		{ "exponential", FIT_EXP }, { "phi^n", FIT_EXP }, { "1.6^n", FIT_EXP },
		{ "1.5^n", FIT_EXP }, { "3^n", FIT_EXP }, { "c^n", FIT_EXP },
	};
	char norm[64];

	if (!s || normalise(s, norm, sizeof(norm)))
		return -1;
	char *body = norm;
	size_t len = strlen(norm);
	if (len > 3 && body[0] == 'o' && body[1] == '(' && body[len - 1] == ')') {
		body[len - 1] = '\0';
		body += 2;
	}
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (!strcmp(body, table[i].spelling)) {
			*out = table[i].c;
			return 0;
		}
	}
	return -1;
}

double fit_eval(enum fit_class c, double base, double n)
{
	switch (c) {
	case FIT_1:
		return 1;
	case FIT_LOGN:
		return log2(n);
	case FIT_SQRTN:
		return sqrt(n);
	case FIT_N:
		return n;
	case FIT_NLOGN:
		return n * log2(n);
	case FIT_N2:
		return n * n;
	case FIT_N3:
		return n * n * n;
	case FIT_EXP:
		return pow(base, n);
	default:
		return 0;
	}
}
