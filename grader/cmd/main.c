/* main.c - the grader's command line: dispatches to a subcommand */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "exitcode.h"

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *help;
} commands[] = {
	{ "grade", cmd_grade, "grade a submission of one topic" },
	{ "lint", cmd_lint, "check specs without running any code" },
	{ "check", cmd_check, "prove the course: references pass, stubs score 0, wrong variants fail as declared" },
	{ "batch", cmd_batch, "grade a class: every student's folder, one CSV row each" },
	{ "fitbench", cmd_fitbench, "measure how often the growth fit names the right class" },
	{ "new", cmd_new, "write the skeleton of a new exercise: spec entry, header, tests, bench, stub, reference" },
	{ "release", cmd_release, "write the students' repository from the course: no solutions, no private tests" },
	{ "calibrate", cmd_calibrate, "measure an exercise's solutions and propose its budgets, ladder and timeout" },
};

static int usage(FILE *out)
{
	fputs("usage: grader <command> [options]\n\ncommands:\n", out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].help);
	fputs("\nrun 'grader <command> --help' for a command's options\n", out);
	return out == stdout ? EXIT_PASSED : EXIT_USAGE;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage(stderr);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help"))
		return usage(stdout);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "grader: unknown command '%s'\n", argv[1]);
	return usage(stderr);
}
