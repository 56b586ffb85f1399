/* cmd_lint.c - "grader lint SPEC...": check specs without grading anything */
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "exitcode.h"
#include "spec.h"

static const char usage[] = "usage: grader lint SPEC...\n"
			    "checks each spec (specs/NN_topic.yaml) and prints its problems\n";

int cmd_lint(int argc, char **argv)
{
	int first = 1, bad = 0;

	if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fputs(usage, stdout);
		return EXIT_PASSED;
	}
	if (argc > 1 && !strcmp(argv[1], "--"))
		first = 2;
	else if (argc > 1 && argv[1][0] == '-' && argv[1][1]) {
		fprintf(stderr, "grader: lint: unknown option '%s'\n%s", argv[1], usage);
		return EXIT_USAGE;
	}
	if (first >= argc) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}

	for (int i = first; i < argc; i++) {
		struct spec spec = SPEC_INIT;
		int problems = spec_load(&spec, argv[i], stderr);
		if (problems)
			bad = 1;
		else
			printf("%s: ok\n", argv[i]);
		spec_release(&spec);
	}
	fflush(stdout);
	return bad ? EXIT_USAGE : EXIT_PASSED;
}
