/* cmd_grade.c - grader grade: grade a submission of one topic */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "exitcode.h"
#include "grade.h"
#include "report/report.h"
#include "pipeline.h"
#include "spec.h"
#include "util.h"

int parse_meter(const char *arg, struct context *ctx)
{
	static const struct {
		const char *name;
		enum meter meter;
	} meters[] = { { "instructions", METER_INSTRUCTIONS }, { "time", METER_TIME } };
	for (size_t i = 0; i < sizeof(meters) / sizeof(meters[0]); i++)
		if (!strcmp(arg, meters[i].name)) {
			ctx->force_meter = 1;
			ctx->meter = meters[i].meter;
			return 0;
		}
	return error("unknown meter '%s' (instructions or time)", arg);
}

char *course_root(const char *given)
{
	if (given)
		return xstrdup(given);
	const char *env = getenv("GRADER_ROOT");
	if (env && *env)
		return xstrdup(env);
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		/* <root>/build/grader */
		for (int up = 0; up < 2; up++) {
			char *slash = strrchr(exe, '/');
			if (slash)
				*slash = '\0';
		}
		char *probe = path_join(exe, "grader/harness/bench.h");
		int ok = file_exists(probe);
		free(probe);
		if (ok)
			return xstrdup(exe);
	}
	return xstrdup(".");
}

/* The topics of the course (the specs/NN_topic.yaml, named NN_topic), sorted; NULL
 * when there is no specs folder. The caller frees each and the array. */
static char **topic_names(const char *root, size_t *nr)
{
	char *dir = path_join(root, "specs");
	DIR *d = opendir(dir);
	char **names = NULL;
	size_t alloc = 0;
	struct dirent *e;

	*nr = 0;
	while (d && (e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l < 6 || strcmp(e->d_name + l - 5, ".yaml") || e->d_name[0] == '.')
			continue;
		ALLOC_GROW(names, *nr + 1, alloc);
		names[(*nr)++] = xstrndup(e->d_name, l - 5);
	}
	if (d)
		closedir(d);
	free(dir);
	for (size_t i = 1; i < *nr; i++)
		for (size_t k = i; k > 0 && strcmp(names[k - 1], names[k]) > 0; k--) {
			char *t = names[k];
			names[k] = names[k - 1];
			names[k - 1] = t;
		}
	return names;
}

void list_topics(FILE *out, const char *root)
{
	size_t nr;
	char **names = topic_names(root, &nr);
	fputs("the topics (make grade TOPIC=03, or TOPIC=3, TOPIC=time, TOPIC=03_time_complexity):\n", out);
	for (size_t i = 0; i < nr; i++) {
		fprintf(out, "  %s\n", names[i]);
		free(names[i]);
	}
	free(names);
}

/* Whether topic names topic name: its number (3, 03), its whole name, or
 * a word of it (time). Returns 2 for the number or whole name, 1 for a
 * part of the name, 0 otherwise. */
static int topic_matches(const char *name, const char *topic)
{
	char *end;
	long want = strtol(topic, &end, 10);
	if (end != topic && !*end)
		return strtol(name, NULL, 10) == want && name[0] >= '0' && name[0] <= '9' ? 2 : 0;
	size_t tl = strlen(topic);
	if (!strcasecmp(name, topic) || (!strncasecmp(name, topic, tl) && (name[tl] == '_' || !name[tl])))
		return 2;
	return strcasestr(name, topic) ? 1 : 0;
}

char *topic_spec_path(const char *root, const char *topic)
{
	size_t nr, exact = 0, part = 0;
	char **names = topic_names(root, &nr);
	char *found = NULL;

	if (!names && !nr) {
		error("no topics in %s/specs", root);
		return NULL;
	}
	/* A topic given as a folder (exercises/03_time_complexity/). */
	char *t = xstrdup(topic);
	while (*t && t[strlen(t) - 1] == '/')
		t[strlen(t) - 1] = '\0';
	const char *given = base_name(t);
	for (size_t i = 0; i < nr; i++) {
		int m = topic_matches(names[i], given);
		exact += m == 2;
		part += m == 1;
	}
	for (size_t i = 0; i < nr && !found; i++) {
		int m = topic_matches(names[i], given);
		if ((exact == 1 && m == 2) || (!exact && part == 1 && m == 1)) {
			char *file = xasprintf("specs/%s.yaml", names[i]);
			found = path_join(root, file);
			free(file);
		}
	}
	if (!found) {
		error(exact + part > 1 ? "topic '%s' names more than one topic" : "no topic '%s'", given);
		list_topics(stderr, root);
	}
	for (size_t i = 0; i < nr; i++)
		free(names[i]);
	free(names);
	free(t);
	return found;
}

struct report_options {
	int colour, verbose;
	const char *annotate_root; /* github: paths relative to this */
};

static void write_text(FILE *out, const struct grade *g, const struct report_options *o, int colour)
{
	report_text(out, g, colour, o->verbose);
}

static void write_github(FILE *out, const struct grade *g, const struct report_options *o, int colour)
{
	(void)colour;
	report_github(out, g, o->annotate_root);
}

#define PLAIN_WRITER(fmt)                                                                            \
	static void write_##fmt(FILE *out, const struct grade *g, const struct report_options *o, int colour) \
	{                                                                                            \
		(void)o;                                                                             \
		(void)colour;                                                                        \
		report_##fmt(out, g);                                                                \
	}
PLAIN_WRITER(json)
PLAIN_WRITER(junit)
PLAIN_WRITER(gradescope)
PLAIN_WRITER(tap)
PLAIN_WRITER(html)

/* The formats: the one list that --format, --report, the usage and the
 * errors read. */
static const struct format {
	const char *name;
	void (*write)(FILE *out, const struct grade *g, const struct report_options *o, int colour);
} formats[] = {
	{ "text", write_text }, { "json", write_json }, { "junit", write_junit }, { "gradescope", write_gradescope },
	{ "tap", write_tap }, { "github", write_github }, { "html", write_html }, { NULL, NULL },
};

/* The format called name (len bytes of it), or NULL. */
static const struct format *format_named(const char *name, size_t len)
{
	for (const struct format *f = formats; f->name; f++)
		if (strlen(f->name) == len && !strncmp(f->name, name, len))
			return f;
	return NULL;
}

/* "text, json, ..., html", with `last` before the last name. */
static void list_formats(FILE *out, const char *last)
{
	for (const struct format *f = formats; f->name; f++)
		fprintf(out, "%s%s", f == formats ? "" : f[1].name ? ", " : last, f->name);
}

/* One report to write: a format and where (NULL: stdout). */
struct report {
	const struct format *format;
	const char *path;
};

/* Writes every report; the GitHub format also appends its summary to
 * $GITHUB_STEP_SUMMARY when that is set. Returns 0, or -1 when a file
 * could not be written (the others are still written). */
static int write_reports(const struct report *reports, size_t count, const struct grade *g,
			 const struct report_options *o)
{
	int ret = 0, summary = 0;
	for (size_t i = 0; i < count; i++) {
		const struct report *r = &reports[i];
		FILE *out = r->path ? fopen(r->path, "w") : stdout;
		if (!out) {
			ret = error("cannot write %s: %s", r->path, strerror(errno));
			continue;
		}
		r->format->write(out, g, o, o->colour >= 0 ? o->colour : (!r->path && isatty(1) && !getenv("NO_COLOR")));
		if (r->path ? fclose(out) : fflush(out))
			ret = error("cannot write %s: %s", r->path ? r->path : "the output", strerror(errno));
		summary |= r->format->write == write_github;
	}
	const char *step = getenv("GITHUB_STEP_SUMMARY");
	if (summary && step && *step) {
		FILE *out = fopen(step, "a");
		if (!out)
			return error("cannot append to $GITHUB_STEP_SUMMARY %s: %s", step, strerror(errno));
		report_github_summary(out, g);
		if (fclose(out))
			ret = error("cannot append to $GITHUB_STEP_SUMMARY %s: %s", step, strerror(errno));
	}
	return ret;
}

static int grade_usage(FILE *out)
{
	fputs("usage: grader grade --topic NN [--exercise NAME] [--submission DIR] [--format FORMAT] [--output FILE]\n"
	      "                    [--report FORMAT=FILE]... [--annotate-root DIR]\n"
	      "                    [--spec FILE] [--root DIR] [--meter instructions|time] [--jobs N]\n"
	      "                    [--verbose] [--quiet] [--keep] [--force] [--timings] [--color|--no-color]\n"
	      "\n"
	      "formats: ",
	      out);
	list_formats(out, ", ");
	fputs(" (text is the default)\n"
	      "  --format/--output   the report on stdout, or in FILE\n"
	      "  --report FMT=FILE   another report of the same grading (repeatable)\n"
	      "  --annotate-root DIR github: file paths relative to DIR (default $GITHUB_WORKSPACE,\n"
	      "                      else the current directory)\n"
	      "  --topic T           03, 3, 03_time_complexity or a word of the name (time)\n"
	      "  --exercise NAME     grade only this exercise of the topic\n"
	      "  --list-topics       print the course's topics\n", out);
	return out == stdout ? EXIT_PASSED : EXIT_USAGE;
}

/* The folder to grade, absolute: submission when given, else the course's
 * exercises/TOPIC. NULL (said on stderr) when there is none. */
static char *submission_folder(const char *root, const char *submission, const char *topic)
{
	if (submission) {
		char *sub = abs_path(submission);
		if (!sub)
			error("no submission folder '%s'", submission);
		return sub;
	}
	char *rel = xasprintf("exercises/%s", topic);
	char *p = path_join(root, rel);
	char *sub = abs_path(p);
	if (!sub)
		error("no folder %s to grade", p);
	free(rel);
	free(p);
	return sub;
}

/* Makes *view a view of spec that holds only the exercise named name
 * (it shares spec's memory). Returns 0, or -1 (said on stderr, with the
 * topic's exercises) when the topic has none of that name. */
static int spec_view_of(const struct spec *spec, const char *name, struct spec *view)
{
	for (size_t i = 0; i < spec->nr_exercises; i++) {
		if (!strcmp(spec->exercises[i].name, name)) {
			*view = *spec;
			view->exercises = &spec->exercises[i];
			view->nr_exercises = 1;
			return 0;
		}
	}
	error("topic %s has no exercise '%s'; its exercises:", spec->topic, name);
	for (size_t k = 0; k < spec->nr_exercises; k++)
		fprintf(stderr, "  %s\n", spec->exercises[k].name);
	return -1;
}

/* Longer than 100 lines because it parses twenty options and checks each
 * before any work; the work is pipeline_grade and write_reports. */
int cmd_grade(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "topic", required_argument, NULL, 't' }, { "submission", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		{ "spec", required_argument, NULL, 'S' }, { "root", required_argument, NULL, 'r' },
		{ "meter", required_argument, NULL, 'm' }, { "jobs", required_argument, NULL, 'j' },
		{ "verbose", no_argument, NULL, 'v' }, { "quiet", no_argument, NULL, 'q' },
		{ "keep", no_argument, NULL, 'k' }, { "color", no_argument, NULL, 'C' },
		{ "force", no_argument, NULL, 'F' }, { "timings", no_argument, NULL, 'T' },
		{ "no-color", no_argument, NULL, 'N' }, { "help", no_argument, NULL, 'h' },
		{ "report", required_argument, NULL, 'R' }, { "annotate-root", required_argument, NULL, 'A' },
		{ "exercise", required_argument, NULL, 'e' }, { "list-topics", no_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 }
	};
	const char *topic = NULL, *submission = NULL, *format = "text", *output = NULL;
	const char *spec_arg = NULL, *root_arg = NULL, *exercise = NULL;
	struct context ctx = { 0 };
	struct report_options ropt = { -1, 0, NULL };
	struct report *reports = NULL;
	size_t nr_reports = 0, alloc_reports = 0;
	int c, timings = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "t:s:f:o:S:r:m:j:vqkh", opts, NULL)) != -1) {
		switch (c) {
		case 't': topic = optarg; break;
		case 's': submission = optarg; break;
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'S': spec_arg = optarg; break;
		case 'r': root_arg = optarg; break;
		case 'm':
			if (parse_meter(optarg, &ctx))
				return EXIT_USAGE;
			break;
		case 'j': ctx.jobs = atoi(optarg); break;
		case 'v': ropt.verbose = 1; break;
		case 'q': ctx.quiet = 1; break;
		case 'k': ctx.keep = 1; break;
		case 'F': ctx.force = 1; break;
		case 'T': timings = 1; break;
		case 'C': ropt.colour = 1; break;
		case 'N': ropt.colour = 0; break;
		case 'A': ropt.annotate_root = optarg; break;
		case 'e': exercise = optarg; break;
		case 'L': {
			char *root = course_root(root_arg);
			list_topics(stdout, root);
			free(root);
			free(reports);
			return EXIT_PASSED;
		}
		case 'R': {
			const char *eq = strchr(optarg, '=');
			const struct format *named = eq && eq[1] ? format_named(optarg, (size_t)(eq - optarg)) : NULL;
			if (!named) {
				free(reports);
				return error("--report wants FORMAT=FILE with a known format, not '%s'", optarg),
				       EXIT_USAGE;
			}
			ALLOC_GROW(reports, nr_reports + 1, alloc_reports);
			reports[nr_reports].format = named;
			reports[nr_reports++].path = eq + 1;
			break;
		}
		case 'h': free(reports); return grade_usage(stdout);
		default: free(reports); return grade_usage(stderr);
		}
	}
	if (!format_named(format, strlen(format))) {
		free(reports);
		fprintf(stderr, "grader: unknown format '%s' (", format);
		list_formats(stderr, " or ");
		fputs(")\n", stderr);
		return EXIT_USAGE;
	}
	if (!topic && !spec_arg) {
		char *root = course_root(root_arg);
		free(reports);
		error("which topic? e.g. make grade TOPIC=03");
		list_topics(stderr, root);
		free(root);
		return EXIT_USAGE;
	}
	if (!ropt.annotate_root && getenv("GITHUB_WORKSPACE") && *getenv("GITHUB_WORKSPACE"))
		ropt.annotate_root = getenv("GITHUB_WORKSPACE");
	ALLOC_GROW(reports, nr_reports + 1, alloc_reports);
	memmove(reports + 1, reports, nr_reports++ * sizeof(*reports));
	reports[0].format = format_named(format, strlen(format));
	reports[0].path = output;

	char *root = course_root(root_arg);
	char *spec_path = spec_arg ? xstrdup(spec_arg) : topic_spec_path(root, topic);
	struct spec spec = SPEC_INIT;
	struct grade g = { 0 };
	int ret = EXIT_INTERNAL;
	char *sub = NULL;

	if (!spec_path) {
		ret = EXIT_USAGE;
		goto out;
	}
	if (spec_load(&spec, spec_path, stderr)) {
		error("%s has problems (above): fix the spec before grading", spec_path);
		ret = EXIT_USAGE;
		goto out;
	}
	sub = submission_folder(root, submission, spec.topic);
	struct spec view = spec;
	if (!sub || (exercise && spec_view_of(&spec, exercise, &view))) {
		ret = EXIT_USAGE;
		goto out;
	}
	if (!isatty(2))
		ctx.quiet = 1;
	if (context_init(&ctx, root))
		goto out;
	pipeline_grade(&ctx, &view, sub, NULL, &g);
	if (timings)
		report_timings(stderr, &g);

	if (write_reports(reports, nr_reports, &g, &ropt))
		goto out;
	ret = grade_exit_code(&g);
out:
	free(reports);
	grade_release(&g);
	context_release(&ctx);
	spec_release(&spec);
	free(spec_path);
	free(sub);
	free(root);
	return ret;
}
