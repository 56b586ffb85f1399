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
		} else if (p[0] == 0xc2 && p[1] == 0xa0) {
			p += 2; /* no-break space */
			continue;
		} else if (isspace(*p) || *p == '*') {
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

/* Fitting. Every class is fitted as cost = a + b*g(n) minimising
 * sum(((cost - a - b*g) / cost)^2): weighted least squares with weights
 * 1/cost^2, so a point at n = 1024 counts as much as one at n = 65536. */

#define REL_FLOOR 0.005   /* exact counts still carry lower-order terms */
#define TOL_FACTOR 1.5    /* how much worse than the best fit still "fits" */
#define FLOOR_FACTOR 10.0 /* with exact counts, never more than this worse */
#define NUM_FLOOR 1e-9    /* below this, rel_rms differences are rounding */
#define CLOSE_FACTOR 2.0  /* fit_close: within this many tolerances */
#define BASE_MIN 1.05
#define BASE_MAX 4.0
#define EXP_RANGE 1e16    /* most base^n may grow over a ladder */
#define BASE_GRID 48      /* coarse steps in log(base) before refining */
#define BASE_REFINE 40    /* golden-section steps: the bracket shrinks ~1e-8 */

/* The usable points (n > 0, cost > 0, both finite) and their extremes. */
struct ladder {
	const struct fit_point *pts;
	size_t count, used;
	double nmin, nmax, cmin;
};

static int usable(const struct fit_point *p)
{
	return isfinite(p->n) && isfinite(p->cost) && p->n > 0 && p->cost > 0;
}

/* g(n) / scale without overflow: for FIT_EXP base^(n - nmax), otherwise
 * g(n) divided by the largest |g| on the ladder (scale). */
static double scaled_g(const struct ladder *l, enum fit_class c, double base,
		       double scale, double n)
{
	if (c == FIT_EXP)
		return exp((n - l->nmax) * log(base));
	return fit_eval(c, base, n) / scale;
}

/* Fits class c (with base, for FIT_EXP) into *m; a model whose slope comes
 * out negative keeps its numbers but is marked invalid. Weights are
 * (cmin/cost)^2 rather than 1/cost^2 so that costs of 1e13 keep them far
 * from underflow, and the sums are centred on the weighted means, which
 * keeps the slope precise when g barely changes over the ladder. */
static void fit_one(const struct ladder *l, enum fit_class c, double base,
		    struct fit_model *m)
{
	const struct fit_point *p = l->pts;
	double scale = 1, sw = 0, swg = 0, swy = 0, sgg = 0, sgy = 0, ss = 0;

	if (c != FIT_EXP) {
		double big = 0;
		for (size_t i = 0; i < l->count; i++)
			if (usable(&p[i]))
				big = fmax(big, fabs(fit_eval(c, base, p[i].n)));
		if (big > 0)
			scale = big;
	}
	for (size_t i = 0; i < l->count; i++) {
		if (!usable(&p[i]))
			continue;
		double w = l->cmin / p[i].cost;
		w *= w;
		sw += w;
		swg += w * scaled_g(l, c, base, scale, p[i].n);
		swy += w * p[i].cost;
	}
	double gbar = swg / sw, ybar = swy / sw;
	for (size_t i = 0; i < l->count; i++) {
		if (!usable(&p[i]))
			continue;
		double w = l->cmin / p[i].cost;
		double dg = scaled_g(l, c, base, scale, p[i].n) - gbar;
		w *= w;
		sgg += w * dg * dg;
		sgy += w * dg * (p[i].cost - ybar);
	}
	/* FIT_1 has g = 1 everywhere: a slope could not be told from a. */
	double b = c != FIT_1 && sgg > 0 ? sgy / sgg : 0;
	for (size_t i = 0; i < l->count; i++) {
		if (!usable(&p[i]))
			continue;
		double dg = scaled_g(l, c, base, scale, p[i].n) - gbar;
		double r = (p[i].cost - ybar - b * dg) / p[i].cost;
		ss += r * r;
	}
	m->a = ybar - b * gbar;
	m->b = c == FIT_EXP ? b * exp(-l->nmax * log(base)) : b / scale;
	m->base = c == FIT_EXP ? base : 0;
	m->rel_rms = sqrt(ss / (double)l->used);
	m->valid = b >= 0;
}

/* Fits FIT_EXP with base e^lnb into *m and keeps it in *best when it beats
 * *best_score. Returns its score: rel_rms, or HUGE_VAL when invalid. */
static double try_base(const struct ladder *l, double lnb, double *best_score,
		       struct fit_model *best)
{
	struct fit_model m;

	fit_one(l, FIT_EXP, exp(lnb), &m);
	double score = m.valid ? m.rel_rms : HUGE_VAL;
	if (score < *best_score) {
		*best_score = score;
		*best = m;
	}
	return score;
}

/* FIT_EXP with its base free: a grid in log(base) finds the basin, then
 * golden-section search polishes it (the error need not be unimodal over
 * the whole range). The base is capped so that base^n grows by at most
 * EXP_RANGE over the ladder: beyond that every point but the last has
 * g = 0 and "exponential" would just mean "the last point is high", which
 * any stray slow run fits exactly. A ladder too wide for even BASE_MIN
 * (n = 1024..65536) cannot show an exponential: the model is invalid. */
static void fit_exp(const struct ladder *l, struct fit_model *best)
{
	const double invphi = (sqrt(5) - 1) / 2;
	const double lo = log(BASE_MIN);
	const double hi = fmin(log(BASE_MAX), log(EXP_RANGE) / (l->nmax - l->nmin));
	double best_score = HUGE_VAL, grid_score = HUGE_VAL;
	int k = 0;

	/* What is reported when no base gives a valid fit. */
	fit_one(l, FIT_EXP, BASE_MIN, best);
	best->valid = 0;
	if (hi <= lo)
		return;

	const double step = (hi - lo) / BASE_GRID;
	for (int i = 0; i <= BASE_GRID; i++) {
		try_base(l, lo + i * step, &best_score, best);
		if (best_score < grid_score) {
			grid_score = best_score;
			k = i;
		}
	}
	if (best_score == HUGE_VAL)
		return;

	double x0 = lo + (k > 0 ? k - 1 : 0) * step;
	double x3 = lo + (k < BASE_GRID ? k + 1 : BASE_GRID) * step;
	double x1 = x3 - invphi * (x3 - x0);
	double x2 = x0 + invphi * (x3 - x0);
	double f1 = try_base(l, x1, &best_score, best);
	double f2 = try_base(l, x2, &best_score, best);
	for (int i = 0; i < BASE_REFINE; i++) {
		if (f1 <= f2) {
			x3 = x2;
			x2 = x1;
			f2 = f1;
			x1 = x3 - invphi * (x3 - x0);
			f1 = try_base(l, x1, &best_score, best);
		} else {
			x0 = x1;
			x1 = x2;
			f1 = f2;
			x2 = x0 + invphi * (x3 - x0);
			f2 = try_base(l, x2, &best_score, best);
		}
	}
}

/* Least-squares slope of log(cost) against log(n) over the upper half of
 * the usable points, and at least the last 3. */
static double loglog_slope(const struct ladder *l)
{
	size_t k = l->used / 2 > 3 ? l->used / 2 : 3, seen = 0;
	double sx = 0, sy = 0, sxx = 0, sxy = 0;

	for (size_t i = 0; i < l->count; i++) {
		if (!usable(&l->pts[i]) || seen++ < l->used - k)
			continue;
		double x = log(l->pts[i].n), y = log(l->pts[i].cost);
		sx += x;
		sy += y;
		sxx += x * x;
		sxy += x * y;
	}
	double kd = (double)k, den = kd * sxx - sx * sx;
	return den > 0 ? (kd * sxy - sx * sy) / den : 0;
}

int fit_models(const struct fit_point *points, size_t count, double noise,
	       struct fit_result *out)
{
	struct ladder l = { points, count, 0, 0, 0, HUGE_VAL };
	double min_rms = HUGE_VAL;

	memset(out, 0, sizeof(*out));
	out->best = out->runner_up = FIT_NONE;
	for (size_t i = 0; points && i < count; i++) {
		if (!usable(&points[i]))
			continue;
		if (l.used && !(points[i].n > l.nmax))
			return -1;
		if (!l.used)
			l.nmin = points[i].n;
		l.nmax = points[i].n;
		l.cmin = fmin(l.cmin, points[i].cost);
		l.used++;
	}
	if (l.used < 3)
		return -1;

	for (int c = 0; c < FIT_NR_CLASSES; c++) {
		if (c == FIT_EXP)
			fit_exp(&l, &out->models[c]);
		else
			fit_one(&l, c, 0, &out->models[c]);
		if (out->models[c].valid)
			min_rms = fmin(min_rms, out->models[c].rel_rms);
	}

	/* An exact meter still sees lower-order terms, hence REL_FLOOR. But a
	 * class that fits FLOOR_FACTOR times better than another has been told
	 * apart from it even under REL_FLOOR: without this cap a large
	 * constant overhead on a slowly growing term (5000 + 3 log n varies
	 * by 0.4% over n = 1024..65536) would be taken for O(1). */
	double rel_floor = fmax(NUM_FLOOR, fmin(REL_FLOOR, FLOOR_FACTOR * min_rms));
	if (isfinite(noise) && noise > rel_floor)
		rel_floor = noise;
	out->tolerance = fmax(rel_floor, TOL_FACTOR * min_rms);

	/* FIT_1 is always valid, so some class is within tolerance. */
	for (int c = 0; c < FIT_NR_CLASSES && out->best == FIT_NONE; c++)
		if (out->models[c].valid && out->models[c].rel_rms <= out->tolerance)
			out->best = c;
	for (int c = 0; c < FIT_NR_CLASSES; c++) {
		if (c == (int)out->best || !out->models[c].valid)
			continue;
		if (out->runner_up == FIT_NONE ||
		    out->models[c].rel_rms < out->models[out->runner_up].rel_rms)
			out->runner_up = c;
	}
	out->exponent = loglog_slope(&l);
	return 0;
}

int fit_close(const struct fit_result *r, enum fit_class c)
{
	if (!r || c < 0 || c >= FIT_NR_CLASSES || !r->models[c].valid)
		return 0;
	return r->models[c].rel_rms <= CLOSE_FACTOR * r->tolerance;
}
