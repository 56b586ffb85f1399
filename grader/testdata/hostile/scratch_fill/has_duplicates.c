/* scratch_fill - fills its working folder (the grader's scratch space)
 * with 1 GiB of files, each under the per-file size limit, then answers
 * correctly. The run is stopped when its folder passes its cap. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "has_duplicates.h"

static char chunk[1 << 20];

bool has_duplicates(const int *a, size_t n)
{
	static int done;
	for (int f = 0; !done && f < 64; f++) {
		char name[32];
		snprintf(name, sizeof(name), "fill-%d", f);
		int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		for (int i = 0; fd >= 0 && i < 16; i++)
			if (write(fd, chunk, sizeof(chunk)) <= 0)
				break;
		if (fd >= 0)
			close(fd);
	}
	done = 1;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (a[i] == a[j])
				return true;
	return false;
}
