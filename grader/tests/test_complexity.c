/* test_complexity.c - complexity_decide: the decision table from costs to a verdict
 *
 * Costs are made from known functions at a ladder of sizes; each row says
 * what the verdict must be against the claim and what its reason must say.
 */
#include <criterion/criterion.h>

#include <math.h>
#include <string.h>

#include "complexity.h"

enum shape { LINEAR, NLOGN_SMALL, NLOGN, QUADRATIC, CUBIC };

static double cost_of(enum shape s, double n)
{
	switch (s) {
	case LINEAR: return 1000 + 3 * n;
	case NLOGN_SMALL: return 1000 + n * (1 + 0.16 * log2(n)); /* between O(n) and O(n log n) */
	case NLOGN: return 500 + 2 * n * log2(n);
	case QUADRATIC: return 100 + n * n / 4;
	default: return n * n * n;
	}
}

static const struct row {
	const char *what;
	enum shape shape;
	size_t sizes;        /* measured sizes, from 1024 doubling */
	enum fit_class claim;
	size_t stopped_at;
	int timed_out;
	const char *preset;  /* a reason already given (a crash): kept */
	enum status status;
	enum fit_class measured;
	const char *reason;  /* must be in the reason */
} rows[] = {
	{ "linear within O(n)", LINEAR, 6, FIT_N, 0, 0, NULL, ST_PASS, FIT_N, "within the claimed O(n)" },
	{ "linear within a looser claim", LINEAR, 6, FIT_NLOGN, 0, 0, NULL, ST_PASS, FIT_N, "measured O(n)" },
	{ "n log n against O(n)", NLOGN, 6, FIT_N, 0, 0, NULL, ST_FAIL, FIT_NLOGN, "grows as O(n log n)" },
	/* Exact counts whose cost per element keeps rising (2.6 to 3.4 over
	 * the ladder) grow faster than O(n): no verdict below the growth
	 * measured at the top of the ladder (issue 19). */
	{ "a small log factor, counted exactly", NLOGN_SMALL, 6, FIT_N, 0, 0, NULL, ST_FAIL, FIT_NLOGN,
	  "grows as O(n log n)" },
	{ "quadratic against O(n log n)", QUADRATIC, 6, FIT_NLOGN, 0, 0, NULL, ST_FAIL, FIT_N2,
	  "f() grows as O(n^2) (quadratic), but the spec asks for O(n log n)" },
	{ "quadratic, stopped by the budget", QUADRATIC, 4, FIT_NLOGN, 16384, 0, NULL, ST_FAIL, FIT_N2,
	  "n = 16384 was not run" },
	{ "quadratic, out of time", QUADRATIC, 4, FIT_NLOGN, 16384, 1, NULL, ST_FAIL, FIT_N2,
	  "at n = 16384 it ran out of time" },
	{ "cubic against O(n^2)", CUBIC, 6, FIT_N2, 0, 0, NULL, ST_FAIL, FIT_N3, "O(n^3)" },
	{ "two sizes: too few", LINEAR, 2, FIT_N, 0, 0, NULL, ST_INCONCLUSIVE, FIT_NONE, "only 2 sizes" },
	{ "two sizes, then too slow", QUADRATIC, 2, FIT_N, 4096, 1, NULL, ST_FAIL, FIT_NONE, "too slow to measure" },
	{ "a crash is decided already", LINEAR, 3, FIT_N, 0, 0, "f() crashed at n = 4096", ST_FAIL, FIT_N,
	  "f() crashed at n = 4096" },
};

Test(complexity, decision_table)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(*rows); i++) {
		const struct row *w = &rows[i];
		struct complexity_result r;
		struct cost_point pts[8];
		memset(&r, 0, sizeof(r));
		for (size_t k = 0; k < w->sizes; k++) {
			pts[k].n = (size_t)1024 << k;
			pts[k].cost = cost_of(w->shape, (double)pts[k].n);
		}
		r.points = pts;
		r.nr_points = w->sizes;
		r.claim = w->claim;
		r.meter = METER_INSTRUCTIONS;
		r.stopped_at = w->stopped_at;
		r.timed_out = w->timed_out;
		if (w->preset) {
			r.status = ST_FAIL;
			r.reason = strdup(w->preset);
		}
		complexity_decide(&r, "f()");
		cr_expect_eq(r.status, w->status, "%s: %s, want %s (%s)", w->what, status_name(r.status),
			     status_name(w->status), r.reason);
		cr_expect_eq(r.measured, w->measured, "%s: measured %s, want %s", w->what, fit_class_name(r.measured),
			     fit_class_name(w->measured));
		cr_expect(r.reason && strstr(r.reason, w->reason), "%s: reason '%s' lacks '%s'", w->what,
			  r.reason ? r.reason : "(none)", w->reason);
		free(r.reason);
		free(r.reading);
	}
}
