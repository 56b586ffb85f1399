/* write_files - writes files outside its own folder: /tmp, $HOME, the home
 * of root, the parent of its working folder and the course's repository. */
#include <stdio.h>
#include <stdlib.h>

#include "has_duplicates.h"

static void drop(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs("pwned\n", f);
		fclose(f);
	}
}

bool has_duplicates(const int *a, size_t n)
{
	const char *home = getenv("HOME");
	static int dropped;
	/* Once per process: the course's tests call it hundreds of times. */
	if (dropped++)
		goto search;
	drop("/tmp/", "pwned");
	drop(home ? home : "/root", "/pwned");
	drop("/root/", "pwned");
	drop("../", "pwned");
	drop("../../", "pwned");
	drop("../../../", "pwned");
	drop("/work/main/", "pwned");
	drop("/work/main/grader/testdata/hostile/", "pwned");
search:
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (a[i] == a[j])
				return true;
	return false;
}
