/* report_html.c - a self-contained HTML report: checks, growth plots, memory bars
 *
 * One file, no scripts, no external assets: styles inline, plots as inline
 * SVG. Every text that a submission or the compiler produced goes through
 * xml_text/xml_attr.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/escape.h"
#include "grade.h"
#include "report/report.h"
#include "util.h"

static const char style[] =
	":root{--pass:#1a7f37;--fail:#cf222e;--warn:#9a6700;--skip:#6e7781;--ink:#1f2328;--dim:#59636e;"
	"--line:#d1d9e0;--bg:#f6f8fa}"
	"*{box-sizing:border-box}"
	"body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;"
	"color:var(--ink);background:#fff}"
	"main{max-width:1000px;margin:0 auto;padding:24px 28px 48px}"
	"header{display:flex;align-items:flex-end;justify-content:space-between;gap:16px;"
	"border-bottom:1px solid var(--line);padding-bottom:14px;margin-bottom:8px}"
	"h1{font-size:24px;margin:0}h1 small{font-size:14px;color:var(--dim);font-weight:normal;margin-left:8px}"
	".meta{color:var(--dim);font-size:13px;margin:4px 0 0;word-break:break-all}"
	".total{font-size:30px;font-weight:600;white-space:nowrap}.total span{color:var(--dim);font-size:18px;font-weight:normal}"
	".note{background:#fff8c5;border:1px solid #d4a72c66;border-radius:6px;padding:6px 10px;margin:12px 0 0;font-size:13px}"
	"section{margin-top:26px}"
	"h2{font-size:19px;margin:0 0 10px;display:flex;justify-content:space-between;align-items:baseline}"
	"h2 .pts{font-weight:600;font-size:16px}"
	".bar{height:6px;background:var(--bg);border-radius:3px;overflow:hidden;margin:-4px 0 12px}"
	".bar div{height:100%;background:var(--pass)}"
	"table{border-collapse:collapse;width:100%}"
	".checks td,.checks th{padding:7px 8px;border-top:1px solid var(--line);vertical-align:top;text-align:left}"
	".checks th{width:100px;font-weight:600}.checks td.pts{width:80px;text-align:right;white-space:nowrap;color:var(--dim)}"
	".badge{display:inline-block;min-width:92px;text-align:center;border-radius:12px;padding:1px 8px;font-size:12px;"
	"font-weight:600;color:#fff}"
	".pass{background:var(--pass)}.fail{background:var(--fail)}.inconclusive{background:var(--warn)}"
	".skipped{background:var(--skip)}.error{background:#8250df}"
	".checks td.badge-cell{width:110px}"
	"ul.items{margin:6px 0 0;padding-left:18px}ul.items li{margin:2px 0}"
	".where{color:var(--dim);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}"
	"code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}"
	"pre{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:8px 10px;overflow:auto;"
	"max-height:320px;margin:8px 0 0;white-space:pre-wrap;word-break:break-word}"
	"details{margin-top:6px}summary{cursor:pointer;color:var(--dim);font-size:13px}"
	".panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px;margin-top:14px;align-items:start}"
	".panel{margin:0;border:1px solid var(--line);border-radius:8px;padding:10px 12px}"
	".caption{font-size:13px;color:var(--dim);margin:6px 0 0}"
	".panel h3{font-size:14px;margin:0 0 6px}"
	"svg{display:block;max-width:100%;height:auto;font-family:inherit}"
	".data{font-size:12.5px;margin-top:6px;width:auto}.data td{padding:1px 10px 1px 0;text-align:right;font-variant-numeric:tabular-nums}"
	".data th{text-align:right;padding-right:10px;color:var(--dim);font-weight:normal}"
	".src{font-size:12.5px;margin-top:6px;width:100%}.src td{padding:0 8px 0 0;text-align:right;white-space:nowrap;"
	"font-variant-numeric:tabular-nums;color:var(--dim)}.src td.code{text-align:left;white-space:pre;color:inherit;"
	"font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;width:100%;tab-size:4}"
	".scroll{overflow-x:auto}"
	".src th{text-align:right;padding-right:8px;color:var(--dim);font-weight:normal}"
	".src tr.hot td{background:#fff8c5;color:#1f2328;font-weight:600}"
	"footer{margin-top:36px;color:var(--dim);font-size:12px}";

static void text(FILE *out, const char *s)
{
	xml_text(out, s);
}

static void badge(FILE *out, enum status s)
{
	fprintf(out, "<span class=\"badge %s\">%s</span>", status_name(s), status_name(s));
}

static void location(FILE *out, const struct location *l)
{
	if (!l->file)
		return;
	fputs(" <span class=\"where\">", out);
	text(out, l->file);
	fprintf(out, ":%u</span>", l->line);
}

/* One row of an exercise's table of checks. */
static void check_row(FILE *out, const char *name, enum status s, const char *reason, double earned, double max,
		      int scored)
{
	fprintf(out, "<tr><th>%s</th><td class=\"badge-cell\">", name);
	badge(out, s);
	fputs("</td><td>", out);
	text(out, reason ? reason : "");
	fputs("</td><td class=\"pts\">", out);
	if (scored && s == ST_ERROR)
		fprintf(out, "not graded (" SCORE_FMT ")", max);
	else if (scored)
		fprintf(out, SCORE_FMT " / " SCORE_FMT, earned, max);
	fputs("</td></tr>\n", out);
}

/* Numbers for axes: exact below exact_below, else compact (500k, 1.5M). */
static void axis_number(char *buf, size_t size, double v, double exact_below)
{
	static const char *const units[] = { "", "k", "M", "G", "T", "P" };
	int u = 0;
	if (v < exact_below) {
		snprintf(buf, size, "%g", v);
		return;
	}
	while (v >= 1000 && u < 5) {
		v /= 1000;
		u++;
	}
	snprintf(buf, size, "%.3g%s", v, units[u]);
}

/* A log-log plot's frame: ranges are log10 of n and of cost. */
struct plot {
	double x0, x1, y0, y1;
	double left, top, width, height;
};

static double px(const struct plot *p, double log_n)
{
	return p->left + (log_n - p->x0) / (p->x1 - p->x0) * p->width;
}

static double py(const struct plot *p, double log_v)
{
	double y = p->top + p->height - (log_v - p->y0) / (p->y1 - p->y0) * p->height;
	/* Far outside the frame the clip path hides it; keep numbers sane. */
	if (y < p->top - 4 * p->height)
		y = p->top - 4 * p->height;
	if (y > p->top + 5 * p->height)
		y = p->top + 5 * p->height;
	return y;
}

/* log10 of class c's g(n), without overflowing for 2^n. */
static double log_growth(enum fit_class c, double base, double n)
{
	if (c == FIT_EXP)
		return n * log10(base > 1 ? base : 2);
	double g = fit_eval(c, base, n);
	return g > 0 ? log10(g) : -INFINITY;
}

/* log10 of the fitted model, or NAN where it is not positive. */
static double log_model(const struct fit_model *m, enum fit_class c, double n)
{
	double v = fit_model_eval(m, c, n);
	return isfinite(v) && v > 0 ? log10(v) : NAN;
}

/* A curve sampled across the frame as an SVG path; f gives log10(cost) at
 * log10(n), NAN for no point there. */
static void curve(FILE *out, const struct plot *p, const char *attrs, double (*f)(const void *, double),
		  const void *arg)
{
	int pen = 0;
	fputs("<path fill=\"none\" ", out);
	fputs(attrs, out);
	fputs(" d=\"", out);
	for (int i = 0; i <= 160; i++) {
		double lx = p->x0 + (p->x1 - p->x0) * i / 160.0;
		double ly = f(arg, lx);
		if (!isfinite(ly)) {
			pen = 0;
			continue;
		}
		fprintf(out, "%s%.1f %.1f", pen ? " L" : " M", px(p, lx), py(p, ly));
		pen = 1;
	}
	fputs("\"/>\n", out);
}

/* What a log-log plot shows: measured points, the claimed class through
 * the first of them, and a fitted model when there is one. */
struct series {
	const struct cost_point *points; /* n ascending; the first has cost > 0 */
	size_t nr_points;
	enum fit_class claim;            /* FIT_NONE: no claimed curve */
	enum fit_class measured;
	const struct fit_model *model;   /* the measured class's fit, or NULL */
	double exp_base;                 /* c of c^n for an O(2^n) claim */
	size_t stopped_at;               /* first size not measured, or 0 */
	const char *unit;                /* the y axis: "instructions", "bytes" */
	const char *stop_label;          /* at stopped_at: "out of time", "over budget" */
};

static double fitted_at(const void *arg, double lx)
{
	const struct series *s = arg;
	return log_model(s->model, s->measured, pow(10, lx));
}

static double claimed_at(const void *arg, double lx)
{
	const struct series *s = arg;
	double n0 = (double)s->points[0].n, n = pow(10, lx);
	return log10(s->points[0].cost) + log_growth(s->claim, s->exp_base, n) - log_growth(s->claim, s->exp_base, n0);
}

static void widen(double *lo, double *hi, double pad)
{
	if (*hi - *lo < 0.3) {
		double mid = (*lo + *hi) / 2;
		*lo = mid - 0.15;
		*hi = mid + 0.15;
	}
	double d = (*hi - *lo) * pad;
	*lo -= d;
	*hi += d;
}

/* Longer than 100 lines: one SVG figure drawn in painter's order (range,
 * grid, ticks, curves and points, legend) over the same scale. */
static void loglog_plot(FILE *out, const struct series *c, int id)
{
	const double W = 460, H = 290;
	struct plot p = { 0, 0, 0, 0, 58, 10, W - 58 - 14, H - 10 - 66 };
	double nmax = (double)c->points[c->nr_points - 1].n;
	int have_fit = c->model && c->measured != FIT_NONE;

	if (c->stopped_at > nmax)
		nmax = (double)c->stopped_at;
	p.x0 = log10((double)c->points[0].n);
	p.x1 = log10(nmax);
	p.y0 = p.y1 = log10(c->points[0].cost > 0 ? c->points[0].cost : 1);
	for (size_t i = 0; i < c->nr_points; i++) {
		if (c->points[i].cost <= 0)
			continue;
		double ly = log10(c->points[i].cost);
		p.y0 = fmin(p.y0, ly);
		p.y1 = fmax(p.y1, ly);
	}
	widen(&p.x0, &p.x1, 0.04);
	/* The claimed curve may leave the frame; the range follows the data,
	 * with room for a claim that grows a little faster or slower. */
	double span = p.y1 - p.y0;
	if (c->claim != FIT_NONE) {
		double a = claimed_at(c, p.x0), b = claimed_at(c, p.x1);
		if (isfinite(a))
			p.y0 = fmin(p.y0, fmax(a, p.y0 - span * 0.5 - 0.3));
		if (isfinite(b))
			p.y1 = fmax(p.y1, fmin(b, p.y1 + span * 0.5 + 0.3));
	}
	widen(&p.y0, &p.y1, 0.06);

	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" "
		"aria-label=\"measured cost against n, log-log\">\n", W, H, W, H);
	fprintf(out, "<defs><clipPath id=\"clip%d\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>"
		"</clipPath></defs>\n", id, p.left, p.top, p.width, p.height);
	fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#f6f8fa\" stroke=\"#d1d9e0\"/>\n",
		p.left, p.top, p.width, p.height);

	/* y grid: decades, with 2 and 5 between when there are few. */
	int decades = (int)(floor(p.y1) - ceil(p.y0)) + 1;
	for (int e = (int)floor(p.y0); e <= (int)ceil(p.y1); e++) {
		static const double steps[] = { 1, 2, 5 };
		for (int s = 0; s < 3; s++) {
			if (s && decades > 2)
				break;
			double ly = e + log10(steps[s]);
			if (ly < p.y0 || ly > p.y1)
				continue;
			char label[32];
			axis_number(label, sizeof(label), pow(10, ly), 1000);
			fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e8ee\"/>"
				"<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#59636e\" text-anchor=\"end\">%s</text>\n",
				p.left, p.left + p.width, py(&p, ly), py(&p, ly), p.left - 6, py(&p, ly) + 4, label);
		}
	}
	/* x ticks at the measured sizes, skipping any too close to the last. */
	double last = -1e9;
	for (size_t i = 0; i <= c->nr_points; i++) {
		double n = i < c->nr_points ? (double)c->points[i].n : (double)c->stopped_at;
		if (i == c->nr_points && !c->stopped_at)
			break;
		double x = px(&p, log10(n));
		if (x - last < 38)
			continue;
		last = x;
		char label[32];
		axis_number(label, sizeof(label), n, 1e6);
		fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e8ee\"/>"
			"<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#59636e\" text-anchor=\"middle\">%s</text>\n",
			x, x, p.top, p.top + p.height, x, p.top + p.height + 15, label);
	}
	fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#59636e\" text-anchor=\"middle\">n (log scale)</text>\n",
		p.left + p.width / 2, p.top + p.height + 32);
	fprintf(out, "<text transform=\"translate(13 %.1f) rotate(-90)\" font-size=\"12\" fill=\"#59636e\" "
		"text-anchor=\"middle\">%s (log scale)</text>\n", p.top + p.height / 2, c->unit);

	fprintf(out, "<g clip-path=\"url(#clip%d)\">\n", id);
	if (c->claim != FIT_NONE)
		curve(out, &p, "stroke=\"#9a6700\" stroke-width=\"2\" stroke-dasharray=\"6 4\"", claimed_at, c);
	if (have_fit)
		curve(out, &p, "stroke=\"#0969da\" stroke-width=\"2\"", fitted_at, c);
	if (c->stopped_at) {
		double x = px(&p, log10((double)c->stopped_at));
		fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#cf222e\" "
			"stroke-dasharray=\"3 3\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#cf222e\" "
			"text-anchor=\"end\">%s</text>\n", x, x, p.top, p.top + p.height, x - 4, p.top + p.height - 6,
			c->stop_label);
	}
	fputs("</g>\n", out);
	for (size_t i = 0; i < c->nr_points; i++)
		if (c->points[i].cost > 0)
			fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1f2328\"><title>n = %zu: %.0f</title></circle>\n",
				px(&p, log10((double)c->points[i].n)), py(&p, log10(c->points[i].cost)), c->points[i].n,
				c->points[i].cost);

	/* Legend, one row under the axis label, where it hides no data. */
	double lx = p.left, ly = H - 8;
	fprintf(out, "<g font-size=\"11.5\" fill=\"#1f2328\">"
		"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1f2328\"/><text x=\"%.1f\" y=\"%.1f\">measured</text>",
		lx + 8, ly - 4, lx + 18, ly);
	lx += 90;
	if (have_fit) {
		fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#0969da\" stroke-width=\"2\"/>"
			"<text x=\"%.1f\" y=\"%.1f\">best fit %s</text>", lx, lx + 18, ly - 4, ly - 4, lx + 24, ly,
			fit_class_name(c->measured));
		lx += 140;
	}
	if (c->claim != FIT_NONE)
		fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#9a6700\" stroke-width=\"2\" "
			"stroke-dasharray=\"6 4\"/><text x=\"%.1f\" y=\"%.1f\">claimed %s</text>", lx, lx + 18, ly - 4,
			ly - 4, lx + 24, ly, fit_class_name(c->claim));
	fputs("</g>\n</svg>\n", out);
}

static void complexity_panel(FILE *out, const struct complexity_result *c, int id)
{
	int fitted = c->fitted && c->measured != FIT_NONE && c->fit.models[c->measured].valid;
	struct series s = {
		c->points, c->nr_points, c->claim, c->measured, fitted ? &c->fit.models[c->measured] : NULL,
		c->claim == FIT_EXP && c->fit.models[FIT_EXP].valid ? c->fit.models[FIT_EXP].base : 2,
		c->stopped_at, c->meter == METER_TIME ? "CPU ns" : "instructions",
		c->timed_out ? "out of time" : "over budget"
	};
	fputs("<div class=\"panel\"><h3>Growth</h3>\n", out);
	loglog_plot(out, &s, id);
	fputs("<p class=\"caption\">", out);
	if (c->reading) {
		text(out, c->reading);
		fputs(". ", out);
	}
	if (c->fitted) {
		fprintf(out, "Best fit %s (error %.1f%%)", fit_class_name(c->measured),
			100 * c->fit.models[c->measured].rel_rms);
		if (c->runner_up != FIT_NONE)
			fprintf(out, ", runner-up %s (%.1f%%)", fit_class_name(c->runner_up),
				100 * c->fit.models[c->runner_up].rel_rms);
		fputs(". The dashed curve is the claim scaled through the first point.", out);
	}
	fputs("</p>\n", out);
	fprintf(out, "<table class=\"data\"><tr><th>n</th><th>%s</th><th>&#215; prev</th></tr>",
		c->meter == METER_TIME ? "CPU ns" : "instructions");
	for (size_t i = 0; i < c->nr_points; i++) {
		fprintf(out, "<tr><td>%zu</td><td>%.0f</td><td>", c->points[i].n, c->points[i].cost);
		if (i && c->points[i - 1].cost > 0)
			fprintf(out, "%.2f", c->points[i].cost / c->points[i - 1].cost);
		fputs("</td></tr>", out);
	}
	if (c->stopped_at)
		fprintf(out, "<tr><td>%zu</td><td>%s</td><td></td></tr>", c->stopped_at, report_stop_words(c));
	fputs("</table>\n", out);
	fputs("</div>\n", out);
}

/* The source around the line that makes it slow, each line with its count
 * at the largest size and how that count grew: read from the submission
 * (the exercise's file, or a helper beside it); nothing when it cannot
 * be read. */
static void hot_panel(FILE *out, const struct exercise_result *r)
{
	const struct hot_line *h = &r->complexity.hot;
	struct buf src = BUF_INIT;
	const char *slash = r->source ? strrchr(r->source, '/') : NULL;
	char *path = !r->source ? NULL
		: !strcmp(base_name(r->source), h->file) ? xstrdup(r->source)
		: slash ? xasprintf("%.*s/%s", (int)(slash - r->source), r->source, h->file) : xstrdup(h->file);
	const unsigned before = 6, after = 6;

	if (!path || strchr(h->file, '/') || read_file(&src, path) || src.len > (1u << 20)) {
		free(path);
		buf_release(&src);
		return;
	}
	fprintf(out, "<div class=\"panel\"><h3>%s</h3>\n<p class=\"caption\">",
		r->complexity.status == ST_FAIL ? "The line that makes it slow" : "Where the instructions go");
	text(out, h->file);
	fprintf(out, ":%u: its count grows as about n^%.2f from n = %zu to %zu, %.0f%% of the instructions at n = %zu.</p>\n",
		h->line, h->growth, h->n0, h->n1, 100 * h->share, h->n1);
	fprintf(out, "<div class=\"scroll\"><table class=\"src\"><tr><th>line</th><th>at n = %zu</th><th>growth</th><th></th></tr>\n", h->n1);
	unsigned ln = 1, first = h->line > before ? h->line - before : 1;
	for (const char *p = src.buf; *p && ln <= h->line + after; ln++) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (ln >= first) {
			const struct hot_cost *c = NULL;
			for (size_t i = 0; i < h->nr_costs; i++)
				if (h->costs[i].line == ln)
					c = &h->costs[i];
			fprintf(out, "<tr%s><td>%u</td><td>", ln == h->line ? " class=\"hot\"" : "", ln);
			if (c)
				fprintf(out, "%.0f", c->cost);
			fputs("</td><td>", out);
			if (c && !isnan(c->growth))
				fprintf(out, "n^%.2f", c->growth);
			fputs("</td><td class=\"code\">", out);
			char *line = xstrndup(p, len);
			text(out, line);
			free(line);
			fputs("</td></tr>\n", out);
		}
		p += len + (eol ? 1 : 0);
	}
	fputs("</table></div>\n</div>\n", out);
	free(path);
	buf_release(&src);
}

/* A horizontal bar: used against budget, the budget marked. */
static void usage_bar(FILE *out, const char *what, long long used, long long budget, const char *expr, size_t n)
{
	const double W = 460, left = 8, width = W - 16, top = 26, height = 22;
	double full = (double)(used > budget ? used : budget) * 1.12;
	int over = budget >= 0 && used > budget;
	if (full <= 0)
		full = 1;
	double uw = width * (double)used / full, bx = left + width * (double)budget / full;

	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f 78\" width=\"%.0f\" height=\"78\" role=\"img\" aria-label=\"%s against its budget\">\n",
		W, W, what);
	fprintf(out, "<text x=\"%.1f\" y=\"16\" font-size=\"12.5\" fill=\"#1f2328\"><tspan font-weight=\"600\">%s</tspan> %s</text>\n",
		left, what, memory_human(used));
	fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" fill=\"#f6f8fa\" stroke=\"#d1d9e0\"/>\n",
		left, top, width, height);
	fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" fill=\"%s\"/>\n", left, top,
		uw < 2 && used > 0 ? 2 : uw, height, over ? "#cf222e" : "#1a7f37");
	if (budget >= 0) {
		char *label = expr ? xasprintf("budget %s (%s at n = %zu)", memory_human(budget), expr, n)
				   : xasprintf("budget %s", memory_human(budget));
		/* About 6 units a character at this size: keep the label inside. */
		double est = 6.2 * (double)strlen(label);
		const char *anchor = bx + est <= W - 4 ? "start" : bx - est >= 4 ? "end" : "middle";
		fprintf(out, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#1f2328\" stroke-width=\"2\"/>\n",
			bx, bx, top - 4, top + height + 4);
		fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11.5\" fill=\"#59636e\" text-anchor=\"%s\">",
			*anchor == 'm' ? W / 2 : bx, top + height + 18, anchor);
		text(out, label);
		fputs("</text>\n", out);
		free(label);
	}
	fputs("</svg>\n", out);
}

static void memory_panel(FILE *out, const struct memory_result *m, int id, int races_checked)
{
	fputs("<div class=\"panel\"><h3>Memory</h3>\n", out);
	if (m->peak_heap >= 0)
		usage_bar(out, "peak heap", m->peak_heap, m->heap_budget, m->heap_budget_expr, m->n);
	if (m->peak_stack >= 0)
		usage_bar(out, "peak stack", m->peak_stack, m->stack_budget, m->stack_budget_expr, m->n);
	fputs("<p class=\"caption\">", out);
	if (m->peak_heap >= 0 && m->peak_site.file) {
		fprintf(out, "Most held at the peak: %s allocated at", memory_human(m->peak_site_bytes));
		location(out, &m->peak_site);
		fputs(". ", out);
	}
	if (m->peak_heap < 0 && m->peak_stack < 0)
		fputs("Peak not measured. ", out);
	if (!m->nr_leaks && !m->nr_errors && m->status == ST_PASS)
		fputs("No leaks or invalid accesses.", out);
	fputs("</p>\n", out);
	if (m->space_claim != FIT_NONE && m->nr_space_points && m->space_points[0].cost > 0) {
		struct series s = { m->space_points, m->nr_space_points, m->space_claim, m->space_measured,
				    NULL, 2, 0, "bytes", NULL };
		loglog_plot(out, &s, id);
		if (m->space_reading) {
			fputs("<p class=\"caption\">", out);
			text(out, m->space_reading);
			fputs(". The dashed curve is the claim scaled through the first point.</p>\n", out);
		}
	}
	if (races_checked)
		fprintf(out, "<p class=\"meta\">data races found by helgrind: %zu</p>\n", m->races);
	if (m->nr_leaks || m->nr_errors) {
		fputs("<ul class=\"items\">\n", out);
		for (size_t i = 0; i < m->nr_leaks; i++) {
			char *line = report_leak_line(&m->leaks[i]);
			fputs("<li>leak: ", out);
			text(out, line);
			fputs("</li>\n", out);
			free(line);
		}
		for (size_t i = 0; i < m->nr_errors; i++) {
			char *line = report_error_line(&m->errors[i]);
			fputs("<li>", out);
			text(out, line);
			fputs("</li>\n", out);
			free(line);
		}
		fputs("</ul>\n", out);
	}
	fputs("</div>\n", out);
}

static void tests_detail(FILE *out, const struct tests_result *t)
{
	size_t failing = 0;
	for (size_t i = 0; i < t->nr_cases; i++)
		failing += t->cases[i].status != CASE_PASSED;
	if (failing) {
		fputs("<ul class=\"items\">\n", out);
		for (size_t i = 0; i < t->nr_cases; i++) {
			const struct test_case *c = &t->cases[i];
			if (c->status == CASE_PASSED)
				continue;
			fputs("<li><code>", out);
			text(out, c->name);
			fprintf(out, "</code> %s", case_status_name(c->status));
			if (c->hidden) {
				fputs(" (hidden test)", out);
			} else {
				if (c->message) {
					fputs(": ", out);
					text(out, c->message);
				}
				location(out, &c->loc);
				if (c->output) {
					fputs("<details><summary>what it printed</summary><pre>", out);
					text(out, c->output);
					fputs("</pre></details>", out);
				}
			}
			fputs("</li>\n", out);
		}
		fputs("</ul>\n", out);
	}
	if (t->nr_cases) {
		fprintf(out, "<details><summary>all %zu tests</summary><ul class=\"items\">\n", t->nr_cases);
		for (size_t i = 0; i < t->nr_cases; i++) {
			fprintf(out, "<li>%s <code>", t->cases[i].status == CASE_PASSED ? "&#10003;" : "&#10007;");
			text(out, t->cases[i].name);
			fprintf(out, "</code> <span class=\"where\">%.3f s</span></li>\n", t->cases[i].seconds);
		}
		fputs("</ul></details>\n", out);
	}
}

static void exercise(FILE *out, const struct exercise_result *r, int id)
{
	const struct spec_exercise *ex = r->spec;
	char summary[64];
	double share = r->max_score > 0 ? 100 * r->score / r->max_score : 0;

	fputs("<section>\n<h2><span>", out);
	text(out, ex->name);
	fprintf(out, "</span><span class=\"pts\">" SCORE_FMT " / " SCORE_FMT "</span></h2>\n", r->score, r->max_score);
	if (r->ungraded > 0)
		fprintf(out, "<p class=\"note\">Incomplete: " SCORE_FMT " more points could not be graded, for a fault of the grader, the machine or the course (not held against you); the checks below say why.</p>\n",
			r->ungraded);
	fprintf(out, "<div class=\"bar\"><div style=\"width:%.1f%%\"></div></div>\n", share);
	if (r->tests.status == ST_FAIL && r->build.status == ST_PASS && (ex->has_complexity || ex->has_memory))
		fputs("<p class=\"meta\">Complexity and memory earn points once every test passes.</p>\n", out);

	fputs("<table class=\"checks\">\n", out);
	check_row(out, "build", r->build.status, r->build.status == ST_PASS ? "compiled" : r->build.reason, 0, 0, 0);
	snprintf(summary, sizeof(summary), "%zu of %zu passed", r->tests.passed, r->tests.total);
	check_row(out, "tests", r->tests.status,
		  r->tests.status == ST_PASS || (r->tests.nr_cases && !r->tests.reason) ? summary : r->tests.reason,
		  r->points[CHECK_TESTS], ex->points[CHECK_TESTS], 1);
	if (ex->has_complexity)
		check_row(out, "complexity", r->complexity.status, r->complexity.reason, r->points[CHECK_COMPLEXITY],
			  ex->points[CHECK_COMPLEXITY], 1);
	if (ex->has_memory)
		check_row(out, "memory", r->memory.status, r->memory.reason, r->points[CHECK_MEMORY],
			  ex->points[CHECK_MEMORY], 1);
	fputs("</table>\n", out);

	if (r->build.status != ST_PASS && r->build.log && *r->build.log) {
		fputs("<pre>", out);
		text(out, r->build.log);
		fputs("</pre>\n", out);
	}
	tests_detail(out, &r->tests);

	/* A panel only where there is something to draw or list: the table
	 * already says why a check was not measured. */
	const struct memory_result *m = &r->memory;
	int plot = ex->has_complexity && r->complexity.nr_points && r->complexity.points[0].cost > 0;
	int mem = ex->has_memory && m->status != ST_SKIPPED &&
		  (m->peak_heap >= 0 || m->peak_stack >= 0 || m->nr_leaks || m->nr_errors || m->nr_space_points ||
		   ex->forbid_races);
	if (plot || mem) {
		fputs("<div class=\"panels\">\n", out);
		if (plot)
			complexity_panel(out, &r->complexity, 2 * id);
		if (plot && r->complexity.hot.file)
			hot_panel(out, r);
		if (mem)
			memory_panel(out, &r->memory, 2 * id + 1, ex->forbid_races);
		fputs("</div>\n", out);
	}
	fputs("</section>\n", out);
}

void report_html(FILE *out, const struct grade *g)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>", out);
	text(out, g->spec->title ? g->spec->title : g->spec->topic);
	fprintf(out, ": " SCORE_FMT " / " SCORE_FMT "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n<header><div><h1>", g->score,
		g->max_score, style);
	text(out, g->spec->title ? g->spec->title : g->spec->topic);
	fputs("<small>", out);
	text(out, g->spec->topic);
	fputs("</small></h1>\n", out);
	if (g->submission) {
		fputs("<p class=\"meta\">", out);
		text(out, g->submission);
		fputs("</p>", out);
	}
	fprintf(out, "</div><div class=\"total\">" SCORE_FMT " <span>/ " SCORE_FMT "%s</span></div></header>\n", g->score,
		g->max_score, grade_incomplete(g) ? " (incomplete)" : "");
	if (g->notes) {
		fputs("<p class=\"note\">", out);
		text(out, g->notes);
		fputs("</p>\n", out);
	}
	for (size_t i = 0; i < g->nr_exercises; i++)
		exercise(out, &g->exercises[i], (int)i);
	fprintf(out, "<footer>graded in %.1f s</footer>\n</main>\n</body>\n</html>\n", g->seconds);
}
