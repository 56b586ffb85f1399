/* fuzz_spec.c - libFuzzer target: spec_load on any file
 *
 * spec_load reads a path, so each input is written to a spec file inside
 * a small course made once in a temporary folder: topic 01_demo, with the
 * header, tests, bench and a wrong variant that a valid spec names, so
 * that inputs close to the seeds reach the checks that look for files.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spec.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *course, *spec_path;

static void remove_course(void)
{
	if (course)
		remove_tree(course);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const files[] = {
		"specs/01_demo/demo.h", "specs/01_demo/test_demo.c", "specs/01_demo/bench_demo.c",
		"specs/01_demo/demo_defaults.h", "specs/01_demo/test_demo_defaults.c",
		"specs/01_demo/bench_demo_defaults.c", "solutions/01_demo/wrong/demo_slow.c", NULL,
	};
	const char *tmp = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/fuzz-spec-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	(void)argc;
	(void)argv;

	if (!mkdtemp(tmpl))
		die(3, "cannot make a folder in %s", tmp && *tmp ? tmp : "/tmp");
	course = tmpl;
	atexit(remove_course);
	for (size_t i = 0; files[i]; i++) {
		char *path = path_join(course, files[i]);
		char *dir = xstrndup(path, (size_t)(base_name(path) - path));
		if (mkdir_p(dir, 0755) || write_file(path, "", 0))
			die(3, "cannot write %s", path);
		free(dir);
		free(path);
	}
	spec_path = path_join(course, "specs/01_demo.yaml");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct spec spec = SPEC_INIT;

	/* A new file each time: ext4 flushes a file truncated and rewritten
	 * to disk when it is closed, which would slow the fuzzer a hundredfold. */
	unlink(spec_path);
	if (write_file(spec_path, data, size))
		die(3, "cannot write %s", spec_path);
	int problems = spec_load(&spec, spec_path, NULL);
	if (!problems) {
		/* a valid spec keeps its promises (spec.h) */
		if (!spec.topic || !spec.title || !spec.nr_exercises)
			abort();
		for (size_t i = 0; i < spec.nr_exercises; i++) {
			const struct spec_exercise *ex = &spec.exercises[i];
			if (!ex->name || !ex->test_file || spec_exercise(&spec, ex->name) != ex)
				abort();
			for (size_t k = 1; k < ex->nr_sizes; k++)
				if (ex->sizes[k] <= ex->sizes[k - 1])
					abort();
			if (ex->has_complexity && (ex->nr_sizes < 4 || !ex->bench_file))
				abort();
		}
	}
	spec_release(&spec);
	return 0;
}
