/* cmd_grade.c - grader grade: grade a submission of one topic */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "exitcode.h"
#include "grade.h"
#include "pipeline.h"
#include "spec.h"
#include "util.h"

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

char *topic_spec_path(const char *root, const char *topic)
{
	char *dir = path_join(root, "specs");
	DIR *d = opendir(dir);
	char *found = NULL;
	size_t tl = strlen(topic);
	struct dirent *e;

	if (!d) {
		error("no specs folder in %s", root);
		free(dir);
		return NULL;
	}
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l < 6 || strcmp(e->d_name + l - 5, ".yaml") || strncmp(e->d_name, topic, tl))
			continue;
		/* "03" matches 03_time_complexity.yaml, not 030_x.yaml */
		if (e->d_name[tl] != '_' && e->d_name[tl] != '.')
			continue;
		free(found);
		found = path_join(dir, e->d_name);
	}
	closedir(d);
	if (!found)
		error("no topic '%s': there is no specs/%s*.yaml in %s", topic, topic, root);
	free(dir);
	return found;
}

static int grade_usage(FILE *out)
{
	fputs("usage: grader grade --topic NN [--submission DIR] [--format text|json] [--output FILE]\n"
	      "                    [--spec FILE] [--root DIR] [--meter instructions|time] [--jobs N]\n"
	      "                    [--verbose] [--quiet] [--keep] [--color|--no-color]\n", out);
	return out == stdout ? EXIT_PASSED : EXIT_USAGE;
}

int cmd_grade(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "topic", required_argument, NULL, 't' }, { "submission", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' }, { "output", required_argument, NULL, 'o' },
		{ "spec", required_argument, NULL, 'S' }, { "root", required_argument, NULL, 'r' },
		{ "meter", required_argument, NULL, 'm' }, { "jobs", required_argument, NULL, 'j' },
		{ "verbose", no_argument, NULL, 'v' }, { "quiet", no_argument, NULL, 'q' },
		{ "keep", no_argument, NULL, 'k' }, { "color", no_argument, NULL, 'C' },
		{ "no-color", no_argument, NULL, 'N' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *topic = NULL, *submission = NULL, *format = "text", *output = NULL;
	const char *spec_arg = NULL, *root_arg = NULL;
	struct context ctx = { 0 };
	int verbose = 0, colour = -1, c;

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
			ctx.force_meter = 1;
			if (!strcmp(optarg, "instructions"))
				ctx.meter = METER_INSTRUCTIONS;
			else if (!strcmp(optarg, "time"))
				ctx.meter = METER_TIME;
			else
				return error("unknown meter '%s' (instructions or time)", optarg), EXIT_USAGE;
			break;
		case 'j': ctx.jobs = atoi(optarg); break;
		case 'v': verbose = 1; break;
		case 'q': ctx.quiet = 1; break;
		case 'k': ctx.keep = 1; break;
		case 'C': colour = 1; break;
		case 'N': colour = 0; break;
		case 'h': return grade_usage(stdout);
		default: return grade_usage(stderr);
		}
	}
	if (strcmp(format, "text") && strcmp(format, "json"))
		return error("unknown format '%s' (text or json)", format), EXIT_USAGE;
	if (!topic && !spec_arg)
		return error("which topic? e.g. make grade TOPIC=03"), grade_usage(stderr);

	char *root = course_root(root_arg);
	char *spec_path = spec_arg ? xstrdup(spec_arg) : topic_spec_path(root, topic);
	struct spec spec = SPEC_INIT;
	struct grade g = { 0 };
	int ret = EXIT_INTERNAL;
	char *sub = NULL;
	FILE *out = stdout;

	if (!spec_path) {
		ret = EXIT_USAGE;
		goto out;
	}
	if (spec_load(&spec, spec_path, stderr)) {
		error("%s has problems (above): fix the spec before grading", spec_path);
		ret = EXIT_USAGE;
		goto out;
	}
	if (submission) {
		sub = abs_path(submission);
		if (!sub) {
			error("no submission folder '%s'", submission);
			ret = EXIT_USAGE;
			goto out;
		}
	} else {
		char *rel = xasprintf("exercises/%s", spec.topic);
		char *p = path_join(root, rel);
		sub = abs_path(p);
		free(rel);
		if (!sub) {
			error("no folder %s to grade", p);
			free(p);
			ret = EXIT_USAGE;
			goto out;
		}
		free(p);
	}
	if (!isatty(2))
		ctx.quiet = 1;
	if (context_init(&ctx, root))
		goto out;
	pipeline_grade(&ctx, &spec, sub, NULL, &g);

	if (output && !(out = fopen(output, "w"))) {
		error("cannot write %s", output);
		goto out;
	}
	if (!strcmp(format, "json"))
		report_json(out, &g);
	else
		report_text(out, &g, colour >= 0 ? colour : (!output && isatty(1) && !getenv("NO_COLOR")), verbose);
	if (out != stdout)
		fclose(out);
	ret = grade_exit_code(&g);
out:
	grade_release(&g);
	context_release(&ctx);
	spec_release(&spec);
	free(spec_path);
	free(sub);
	free(root);
	return ret;
}
