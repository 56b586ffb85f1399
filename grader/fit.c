/* fit.c - growth classes and fitting measured costs against them */
#include "fit.h"

#include <ctype.h>
#include <stdlib.h>
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

/* Fitting. Every class is fitted as cost = a + lower*h(n) + b*g(n)
 * minimising sum(((cost - fit) / cost)^2): weighted least squares with
 * weights 1/cost^2, so a point at n = 1024 counts as much as one at
 * n = 65536. */

#define REL_FLOOR 0.005   /* exact counts still carry lower-order terms */
#define TOL_FACTOR 1.5    /* how much worse than the best fit still "fits" */
#define FLOOR_FACTOR 10.0 /* with exact counts, never more than this worse */
#define NUM_FLOOR 1e-9    /* below this, rel_rms differences are rounding */
#define GOOD_FIT 0.03     /* worse than this, a class does not describe the
			   * cost, however much worse the others are */
#define GOOD_NOISE 3.0    /* ... or than this many times the meter's noise */
#define LOOSE_FIT 0.10    /* a class whose growth is the top's may fit this loosely */
#define CLOSE_FACTOR 2.0  /* fit_close: within this many tolerances */
#define MAIN_SHARE 0.25   /* b*g(n) must make at least this share of the rise */
#define GROWTH_MARGIN 0.05 /* exponent a class may grow below the top's */
#define GROWTH_NOISE 3.0  /* ... plus this many times noise / log(n2/n1) */
#define JUMP_STEP 1.5     /* a step: at least this factor beyond its neighbours */
#define JUMP_NOISE 4.0    /* ... plus this many times the noise (in log) */
#define BASE_MIN 1.05
#define BASE_MAX 4.0
#define EXP_RANGE 1e16    /* most base^n may grow over a ladder */
#define BASE_GRID 48      /* coarse steps in log(base) before refining */
#define BASE_REFINE 40    /* golden-section steps: the bracket shrinks ~1e-8 */

/* The usable points (n > 0, cost > 0, both finite), copied so that a step
 * can be taken out of the costs, and their extremes. */
struct ladder {
	double *n, *cost;
	size_t used;
	double nmin, nmax, cmin;
};

static int usable(const struct fit_point *p)
{
	return isfinite(p->n) && isfinite(p->cost) && p->n > 0 && p->cost > 0;
}

/* The lower-order term fitted beside class c, or FIT_NONE. */
static enum fit_class lower_term(enum fit_class c)
{
	switch (c) {
	case FIT_NLOGN:
	case FIT_N2:
		return FIT_N;
	case FIT_N3:
		return FIT_N2;
	default:
		return FIT_NONE;
	}
}

double fit_model_eval(const struct fit_model *m, enum fit_class c, double n)
{
	double v = m->a + m->b * fit_eval(c, m->base, n);
	enum fit_class h = lower_term(c);
	if (h != FIT_NONE && m->lower != 0)
		v += m->lower * fit_eval(h, 0, n);
	return v;
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

static double g_scale(const struct ladder *l, enum fit_class c)
{
	double big = 0;
	for (size_t i = 0; i < l->used; i++)
		big = fmax(big, fabs(fit_eval(c, 0, l->n[i])));
	return big > 0 ? big : 1;
}

/* Fits class c (with base, for FIT_EXP) into *m, with the lower-order
 * term h when with_lower; a model whose slope comes out negative keeps its
 * numbers but is marked invalid. Weights are (cmin/cost)^2 rather than
 * 1/cost^2 so that costs of 1e13 keep them far from underflow, and the
 * sums are centred on the weighted means, which keeps the slopes precise
 * when g barely changes over the ladder. */
static void fit_one(const struct ladder *l, enum fit_class c, double base, int with_lower,
		    struct fit_model *m)
{
	enum fit_class h = with_lower ? lower_term(c) : FIT_NONE;
	double gs = c == FIT_EXP ? 1 : g_scale(l, c), hs = h != FIT_NONE ? g_scale(l, h) : 1;
	double sw = 0, swg = 0, swh = 0, swy = 0;
	double sgg = 0, shh = 0, sgh = 0, sgy = 0, shy = 0, ss = 0;

	for (size_t i = 0; i < l->used; i++) {
		double w = l->cmin / l->cost[i];
		w *= w;
		sw += w;
		swg += w * scaled_g(l, c, base, gs, l->n[i]);
		if (h != FIT_NONE)
			swh += w * fit_eval(h, 0, l->n[i]) / hs;
		swy += w * l->cost[i];
	}
	double gbar = swg / sw, hbar = swh / sw, ybar = swy / sw;
	for (size_t i = 0; i < l->used; i++) {
		double w = l->cmin / l->cost[i];
		double dg = scaled_g(l, c, base, gs, l->n[i]) - gbar;
		double dh = h != FIT_NONE ? fit_eval(h, 0, l->n[i]) / hs - hbar : 0;
		double dy = l->cost[i] - ybar;
		w *= w;
		sgg += w * dg * dg;
		shh += w * dh * dh;
		sgh += w * dg * dh;
		sgy += w * dg * dy;
		shy += w * dh * dy;
	}
	/* FIT_1 has g = 1 everywhere: a slope could not be told from a. */
	double b = 0, k = 0, det = sgg * shh - sgh * sgh;
	if (h != FIT_NONE && det > 1e-12 * sgg * shh) {
		b = (sgy * shh - shy * sgh) / det;
		k = (shy * sgg - sgy * sgh) / det;
	} else if (c != FIT_1 && sgg > 0) {
		b = sgy / sgg;
	}
	for (size_t i = 0; i < l->used; i++) {
		double dg = scaled_g(l, c, base, gs, l->n[i]) - gbar;
		double dh = h != FIT_NONE ? fit_eval(h, 0, l->n[i]) / hs - hbar : 0;
		double r = (l->cost[i] - ybar - b * dg - k * dh) / l->cost[i];
		ss += r * r;
	}
	m->a = ybar - b * gbar - k * hbar;
	m->b = c == FIT_EXP ? b * exp(-l->nmax * log(base)) : b / gs;
	m->lower = k / hs;
	m->base = c == FIT_EXP ? base : 0;
	m->rel_rms = sqrt(ss / (double)l->used);
	/* Each term fitted takes a point's worth of freedom: three terms
	 * pass through any three points. */
	size_t terms = (c == FIT_1 ? 1 : 2) + (h != FIT_NONE) + (c == FIT_EXP);
	m->error = l->used > terms ? m->rel_rms * sqrt((double)l->used / (double)(l->used - terms))
				   : HUGE_VAL;
	m->valid = b >= 0;
	/* With a lower-order term, the class is only what it claims to be
	 * when its own term carries a good share of the growth over the
	 * ladder, and the model grows and stays positive: b*n log n - k*n
	 * can bend to fit a falling cost, or noise on a line. */
	if (h != FIT_NONE && m->valid) {
		double rise = fit_model_eval(m, c, l->nmax) - fit_model_eval(m, c, l->nmin);
		double own = m->b * (fit_eval(c, base, l->nmax) - fit_eval(c, base, l->nmin));
		m->valid = rise > 0 && own >= MAIN_SHARE * rise;
		for (size_t i = 0; m->valid && i < l->used; i++)
			m->valid = fit_model_eval(m, c, l->n[i]) > 0;
	}
}

/* Class c fitted with its lower-order term when that gives a valid model
 * (the class's own term carrying the rise), otherwise as a + b*g(n).
 * Returns the rel_rms of a + b*g(n), or HUGE_VAL when that is invalid. */
static double fit_class(const struct ladder *l, enum fit_class c, struct fit_model *m)
{
	struct fit_model plain;

	fit_one(l, c, 0, 0, &plain);
	*m = plain;
	if (lower_term(c) != FIT_NONE) {
		struct fit_model with;
		fit_one(l, c, 0, 1, &with);
		if (with.valid && (!plain.valid || with.error < plain.error))
			*m = with;
	}
	return plain.valid ? plain.rel_rms : HUGE_VAL;
}

/* Fits FIT_EXP with base e^lnb into *m and keeps it in *best when it beats
 * *best_score. Returns its score: rel_rms, or HUGE_VAL when invalid. */
static double try_base(const struct ladder *l, double lnb, double *best_score,
		       struct fit_model *best)
{
	struct fit_model m;

	fit_one(l, FIT_EXP, exp(lnb), 0, &m);
	double score = m.valid ? m.error : HUGE_VAL;
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
	fit_one(l, FIT_EXP, BASE_MIN, 0, best);
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

/* Least-squares slope of log(cost) against log(n) over the last k points. */
static double loglog_slope(const struct ladder *l, size_t k)
{
	double sx = 0, sy = 0, sxx = 0, sxy = 0;

	for (size_t i = l->used - k; i < l->used; i++) {
		double x = log(l->n[i]), y = log(l->cost[i]);
		sx += x;
		sy += y;
		sxx += x * x;
		sxy += x * y;
	}
	double kd = (double)k, den = kd * sxx - sx * sx;
	return den > 0 ? (kd * sxy - sx * sy) / den : 0;
}

/* Finds a single step in the cost and scales the points below it so that
 * the step grows as its neighbours do. A step is a segment (between two
 * consecutive points) whose log-ratio differs from each neighbouring
 * segment's, in the same direction, by more than log(JUMP_STEP): smooth
 * growth, however fast it bends, changes by much less from one segment to
 * the next. The top segment is never a step: what the two largest sizes
 * show is the growth the verdict must not go below. Two steps or more are
 * left alone: that is no single change of path. */
static void take_out_step(struct ladder *l, double noise, struct fit_result *out)
{
	double threshold = log(JUMP_STEP) + JUMP_NOISE * noise;
	size_t found = 0, at = 0;
	double fix = 0;

	if (l->used < 4)
		return;
	for (size_t j = 0; j + 2 < l->used; j++) {
		double lr = log(l->cost[j + 1] / l->cost[j]);
		double next = log(l->cost[j + 2] / l->cost[j + 1]);
		double prev = j ? log(l->cost[j] / l->cost[j - 1]) : next;
		if ((lr - next > threshold && lr - prev > threshold) ||
		    (next - lr > threshold && prev - lr > threshold)) {
			found++;
			at = j;
			fix = lr - (prev + next) / 2;
		}
	}
	if (found != 1)
		return;
	for (size_t i = 0; i <= at; i++)
		l->cost[i] *= exp(fix);
	out->jump = at + 1;
	out->jump_n0 = l->n[at];
	out->jump_n1 = l->n[at + 1];
	out->jump_factor = exp(fix);
}

/* Class c's growth between n0 and n1 as an exponent of n. */
static double growth_of(const struct fit_model *m, enum fit_class c, double n0, double n1)
{
	double span = log(n1 / n0);
	if (c == FIT_EXP)
		return m->valid ? (n1 - n0) * log(m->base) / span : HUGE_VAL;
	double g0 = fit_eval(c, 0, n0), g1 = fit_eval(c, 0, n1);
	if (g0 <= 0)
		return g1 > 0 ? HUGE_VAL : 0;
	return log(g1 / g0) / span;
}

int fit_models(const struct fit_point *points, size_t count, double noise,
	       struct fit_result *out)
{
	struct ladder l = { NULL, NULL, 0, 0, 0, HUGE_VAL };
	double min_rms = HUGE_VAL;
	int ret = -1;

	memset(out, 0, sizeof(*out));
	out->best = out->runner_up = FIT_NONE;
	if (!points || !count)
		return -1;
	if (!isfinite(noise) || noise < 0)
		noise = 0;
	l.n = malloc(count * sizeof(*l.n));
	l.cost = malloc(count * sizeof(*l.cost));
	if (!l.n || !l.cost)
		goto out;
	for (size_t i = 0; i < count; i++) {
		if (!usable(&points[i]))
			continue;
		if (l.used && !(points[i].n > l.nmax))
			goto out;
		if (!l.used)
			l.nmin = points[i].n;
		l.nmax = points[i].n;
		l.n[l.used] = points[i].n;
		l.cost[l.used] = points[i].cost;
		l.used++;
	}
	if (l.used < 3)
		goto out;

	take_out_step(&l, noise, out);
	for (size_t i = 0; i < l.used; i++)
		l.cmin = fmin(l.cmin, l.cost[i]);
	for (int c = 0; c < FIT_NR_CLASSES; c++) {
		if (c == FIT_EXP) {
			fit_exp(&l, &out->models[c]);
			if (out->models[c].valid)
				min_rms = fmin(min_rms, out->models[c].rel_rms);
		} else {
			min_rms = fmin(min_rms, fit_class(&l, c, &out->models[c]));
		}
	}

	/* The growth at the top: the two largest sizes, or with a noisy meter
	 * the slope over the three largest. */
	double n0 = l.n[l.used - 2], n1 = l.n[l.used - 1];
	out->growth = noise > 0 ? loglog_slope(&l, 3) : log(l.cost[l.used - 1] / l.cost[l.used - 2]) / log(n1 / n0);
	out->margin = GROWTH_MARGIN + GROWTH_NOISE * noise / log(n1 / n0);
	out->exponent = loglog_slope(&l, l.used / 2 > 3 ? l.used / 2 : 3);

	/* An exact meter still sees lower-order terms, hence REL_FLOOR. But a
	 * class that fits FLOOR_FACTOR times better than another has been told
	 * apart from it even under REL_FLOOR: without this cap a large
	 * constant overhead on a slowly growing term (5000 + 3 log n varies
	 * by 0.4% over n = 1024..65536) would be taken for O(1). Only the
	 * two-term fits count here: a third term fits a lone spike at the
	 * top ten times better than O(1) and has told nothing apart. */
	double rel_floor = fmax(NUM_FLOOR, fmin(REL_FLOOR, FLOOR_FACTOR * min_rms));
	if (noise > rel_floor)
		rel_floor = noise;

	/* Admissible: the class's own g grows at least as fast as the cost
	 * did at the top, within the margin; or its fitted model does (a
	 * negative constant makes b*n - a grow faster than n on a short
	 * ladder) and fits to the meter's floor. FIT_EXP, the fastest class,
	 * is admissible whenever it is valid. */
	for (int c = 0; c < FIT_NR_CLASSES; c++) {
		const struct fit_model *m = &out->models[c];
		double own = growth_of(m, c, n0, n1);
		double model = m->valid ? fit_model_eval(m, c, n0) : 0;
		double fitted = model > 0 ? log(fit_model_eval(m, c, n1) / model) / log(n1 / n0) : 0;
		out->class_growth[c] = own;
		if (!m->valid)
			out->admissible[c] = 0;
		else if (c == FIT_EXP || own >= out->growth - out->margin)
			out->admissible[c] = 1;
		else if (m->error <= rel_floor && fitted >= out->growth - out->margin)
			out->admissible[c] = 2;
		else
			out->admissible[c] = 0;
	}

	double fit_rms = HUGE_VAL;
	for (int c = 0; c < FIT_NR_CLASSES; c++)
		if (out->admissible[c])
			fit_rms = fmin(fit_rms, out->models[c].error);
	double good = fmax(GOOD_FIT, GOOD_NOISE * noise);
	out->tolerance = fmax(rel_floor, fmin(TOL_FACTOR * fit_rms, good));

	for (int c = 0; c < FIT_NR_CLASSES && out->best == FIT_NONE; c++)
		if (out->admissible[c] && out->models[c].error <= out->tolerance)
			out->best = c;
	if (out->best == FIT_NONE) {
		/* No class fits well. The slowest admissible one still names the
		 * growth when its own growth at the top is the cost's, within the
		 * margin, and it fits loosely: a jump search for random keys
		 * wiggles around sqrt n. Otherwise the growth is between it and
		 * the class below (n^1.5 between n log n and n^2). */
		for (int c = 0; c < FIT_NR_CLASSES && out->best == FIT_NONE; c++)
			if (out->admissible[c])
				out->best = c;
		if (out->best == FIT_NONE) {
			out->best = FIT_EXP;
			out->between = 1;
		} else if (out->models[out->best].error <= fmax(LOOSE_FIT, GOOD_NOISE * noise) &&
			   fabs(out->growth - out->class_growth[out->best]) <= out->margin) {
			out->tolerance = out->models[out->best].error;
		} else {
			out->between = 1;
		}
	}
	for (int c = 0; c < FIT_NR_CLASSES; c++) {
		if (c == (int)out->best || !out->models[c].valid)
			continue;
		if (out->runner_up == FIT_NONE ||
		    out->models[c].error < out->models[out->runner_up].error)
			out->runner_up = c;
	}
	out->noise = noise;
	out->min_error = HUGE_VAL;
	for (int c = 0; c < FIT_NR_CLASSES; c++)
		if (out->models[c].valid)
			out->min_error = fmin(out->min_error, out->models[c].error);
	out->fitted = 1;
	ret = 0;
out:
	free(l.n);
	free(l.cost);
	return ret;
}

double fit_class_growth(const struct fit_result *r, enum fit_class c)
{
	if (!r || !r->fitted || c < 0 || c >= FIT_NR_CLASSES)
		return -1;
	return r->class_growth[c];
}

int fit_admissible(const struct fit_result *r, enum fit_class c)
{
	return r && r->fitted && c >= 0 && c < FIT_NR_CLASSES && r->admissible[c];
}

int fit_close(const struct fit_result *r, enum fit_class c)
{
	if (!r || !r->fitted || c < 0 || c >= FIT_NR_CLASSES || !r->models[c].valid)
		return 0;
	if (!(r->noise > 0))
		return r->admissible[c] && r->models[c].error <= CLOSE_FACTOR * r->tolerance;
	/* A noisy meter's top can be steep for the machine's sake (a cache
	 * outgrown, a busy neighbour), and its fits poor: there neither the
	 * growth at the top nor an absolute error tells a claim apart from a
	 * class that fits about as badly. This only ever makes a verdict
	 * inconclusive, never a pass. */
	double spread = fmax(r->tolerance, TOL_FACTOR * r->min_error);
	return r->models[c].error <= CLOSE_FACTOR * spread;
}

enum fit_verdict fit_judge(const struct fit_result *r, enum fit_class claim)
{
	if (!r || !r->fitted || claim < 0 || claim >= FIT_NR_CLASSES)
		return FIT_FAIL;
	if (claim < r->best)
		return fit_close(r, claim) ? FIT_INCONCLUSIVE : FIT_FAIL;
	if (claim > r->best)
		return FIT_PASS;
	if (r->between)
		return r->class_growth[claim] < r->growth ? FIT_INCONCLUSIVE : FIT_PASS;
	return r->admissible[claim] == 2 ? FIT_INCONCLUSIVE : FIT_PASS;
}
