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

/* One class fitted as cost = a + lower*h(n) + b*g(n), least squares on
 * relative error, where h is the class's lower-order term: n for O(n log n)
 * and O(n^2) (merge sort's copying; a hash set of n over a fixed number of
 * buckets costs n + n^2/c), n^2 for O(n^3), none (lower = 0) for the
 * others. */
struct fit_model {
	double a, b;
	double lower;   /* the coefficient of h(n); 0 when the class has none */
	double base;    /* FIT_EXP only: the fitted c of c^n */
	double rel_rms; /* root mean square of (cost - fit) / cost */
	double error;   /* rel_rms * sqrt(k / (k - terms)) over k points: what
			 * the comparisons use, so that a third term must
			 * earn its place; HUGE_VAL when there are no more
			 * points than terms */
	int valid;      /* 0 when the class cannot describe the data: b < 0;
			 * b*g(n) less than a quarter of the rise over the ladder,
			 * so that the lower-order term alone made the fit; or
			 * FIT_EXP on a ladder so wide that even 1.05^n would
			 * grow by more than 1e16 over it */
};

/* What the fit found. The verdict (best) never names a class that grows
 * more slowly than the cost did between the two largest sizes: a class
 * is *admissible* when its own growth there, log(g(n2)/g(n1)) /
 * log(n2/n1), is at least growth - margin. */
struct fit_result {
	struct fit_model models[FIT_NR_CLASSES];
	enum fit_class best;      /* the slowest admissible class that fits well;
				   * failing that, the slowest admissible class,
				   * which either fits loosely (rel_rms <= 10%,
				   * and grows at the top as the cost does, within
				   * the margin: a jump search for random keys) or
				   * is the class above a growth in between */
	enum fit_class runner_up; /* the class that fits next best, or FIT_NONE */
	double tolerance;         /* error under which a class "fits well" */
	double exponent;          /* free fit cost ~ n^k over the larger sizes */
	double growth;            /* cost ~ n^growth between the two largest sizes */
	double margin;            /* how far below growth an admissible class may grow */
	int between;              /* no admissible class fits well: the cost grows
				   * faster than best - 1 and no faster than best
				   * (n^1.5 is between O(n log n) and O(n^2)) */
	size_t jump;              /* a one-off step in the cost between the
				   * jump-th and the next usable point (1-based),
				   * left out of the fit; 0 when none */
	double jump_n0, jump_n1;  /* the sizes on either side of the step */
	double jump_factor;       /* how much more the step cost than the
				   * growth on either side of it explains */
	double class_growth[FIT_NR_CLASSES]; /* each class's own growth there */
	int admissible[FIT_NR_CLASSES]; /* 0 no; 1 by its own growth; 2 only
				   * by its fitted model's, which fits within the
				   * meter's floor: b*n log n - k*n grows faster
				   * than n log n at the top of a short ladder, but
				   * so does n log^2 n, and the ladder cannot tell */
	double noise;             /* the meter's, as given */
	double min_error;         /* the least error of any valid class */
	int fitted;               /* 1 when fit_models returned 0 */
};

/* Fits every class to points (at least 3, n ascending and > 0, cost > 0).
 * noise is the relative noise expected of the meter (0 for exact counts).
 * Points whose n or cost is not finite and > 0 are skipped; the others
 * must have n strictly ascending. A single step in the cost inside the
 * ladder (the code switching paths at some size: the points on either
 * side grow alike, the step alone jumps) is taken out before fitting, by
 * scaling the points below it; a step between the two largest sizes is
 * growth, not a step. Returns 0, or -1 when fewer than 3 points are
 * usable or n does not ascend; then best and runner_up are FIT_NONE and
 * every model is invalid. */
int fit_models(const struct fit_point *points, size_t count, double noise,
	       struct fit_result *out);

/* The fitted model of class c at n: a + lower*h(n) + b*g(n). */
double fit_model_eval(const struct fit_model *m, enum fit_class c, double n);

/* Class c's own growth at the top of r's ladder (the exponent k of n^k
 * that grows as much as g between the two largest sizes), or -1 when r
 * was not fitted or c is not a class. */
double fit_class_growth(const struct fit_result *r, enum fit_class c);

/* True when class c is admissible in r: it grows at least as fast as
 * the cost did at the top of the ladder, within r->margin. */
int fit_admissible(const struct fit_result *r, enum fit_class c);

/* True when the data cannot tell class c from the best: with an exact
 * meter, c is admissible and its error within twice the tolerance; with a
 * noisy one (whose steep top may be the machine's doing), c's error is
 * within twice the tolerance or three times the least error, admissible
 * or not. */
int fit_close(const struct fit_result *r, enum fit_class c);

/* What a fit says of a claim that the cost grows as class claim. */
enum fit_verdict {
	FIT_PASS,         /* best is at or below the claim */
	FIT_INCONCLUSIVE, /* above the claim, but the ladder cannot tell the two */
	FIT_FAIL,         /* grows faster than the claim */
};

/* The decision table. A claim above best passes. A claim below best is
 * inconclusive when fit_close(claim), and fails otherwise. A claim equal
 * to best passes, except that it is inconclusive when best was admitted
 * only by its model, or when the growth is between classes and faster at
 * the top than best's own (admitted only by the margin). FIT_FAIL for an
 * unfitted r or a claim that is no class. */
enum fit_verdict fit_judge(const struct fit_result *r, enum fit_class claim);

/* g(n) for class c (for FIT_EXP, base^n). */
double fit_eval(enum fit_class c, double base, double n);

#endif
