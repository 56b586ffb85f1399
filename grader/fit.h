/* fit.h - growth classes and fitting measured costs against them */
#ifndef FIT_H
#define FIT_H

#include <stddef.h>

/* Ordered from slowest-growing to fastest: a class passes a claim when it
 * is at or below it. */
enum fit_class {
	FIT_1,
	FIT_LOGN,
	FIT_SQRTN,
	FIT_N,
	FIT_NLOGN,
	FIT_N2,
	FIT_N3,
	FIT_EXP,
	FIT_NR_CLASSES,
	FIT_NONE = -1
};

/* "O(1)", "O(log n)", "O(sqrt n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)". */
const char *fit_class_name(enum fit_class c);

/* "constant", "logarithmic", ..., "exponential": for sentences. */
const char *fit_class_word(enum fit_class c);

/* Parses a class as written in a spec: the names above, with or without
 * spaces, and ², ³, √n, n*log(n), lg n, 1.5^n and the like. Returns 0 and
 * sets *out, or -1 when s names no class. */
int fit_class_parse(const char *s, enum fit_class *out);

struct fit_point {
	double n;
	double cost;
};

/* One class fitted as cost = a + b*g(n), least squares on relative error. */
struct fit_model {
	double a, b;
	double base;    /* FIT_EXP only: the fitted c of c^n */
	double rel_rms; /* root mean square of (cost - fit) / cost */
	int valid;      /* 0 when the class cannot describe the data: b < 0,
			 * or FIT_EXP on a ladder so wide that even 1.05^n
			 * would grow by more than 1e16 over it */
};

struct fit_result {
	struct fit_model models[FIT_NR_CLASSES];
	enum fit_class best;      /* the slowest-growing class that fits well */
	enum fit_class runner_up; /* the class that fits next best, or FIT_NONE */
	double tolerance;         /* rel_rms under which a class "fits well" */
	double exponent;          /* free fit cost ~ n^k over the larger sizes */
};

/* Fits every class to points (at least 3, n ascending and > 0, cost > 0).
 * noise is the relative noise expected of the meter (0 for exact counts).
 * Points whose n or cost is not finite and > 0 are skipped; the others
 * must have n strictly ascending. Returns 0, or -1 when fewer than 3 points
 * are usable or n does not ascend; then best and runner_up are FIT_NONE and
 * every model is invalid. */
int fit_models(const struct fit_point *points, size_t count, double noise,
	       struct fit_result *out);

/* True when class c fits almost as well as the best: the data cannot tell
 * c from the best class. */
int fit_close(const struct fit_result *r, enum fit_class c);

/* g(n) for class c (for FIT_EXP, base^n). */
double fit_eval(enum fit_class c, double base, double n);

#endif
