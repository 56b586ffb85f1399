/* tmpfs_fill - writes up to 1 GiB into /tmp and /dev/shm, in files of
 * 4 MiB (under the per-file limit): memory of the machine's that no limit
 * of the run's process counts. Then it answers correctly but
 * quadratically. Should it get past the sandbox's caps (more than 128 MiB
 * written), it stops itself with SIGTRAP, which the report then shows as
 * a crash. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "has_duplicates.h"

static char chunk[1 << 20];

static long long fill(const char *dir)
{
	long long total = 0;
	for (int f = 0; f < 256; f++) {
		char path[64];
		snprintf(path, sizeof(path), "%s/fill-%d", dir, f);
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0)
			return total;
		for (int i = 0; i < 4; i++) {
			ssize_t w = write(fd, chunk, sizeof(chunk));
			if (w <= 0) {
				close(fd);
				return total;
			}
			total += w;
		}
		close(fd);
	}
	return total;
}

bool has_duplicates(const int *a, size_t n)
{
	static long long written = -1;
	if (written < 0)
		written = fill("/tmp") + fill("/dev/shm");
	bool dup = false;
	for (size_t i = 0; i < n && !dup; i++)
		for (size_t j = i + 1; j < n && !dup; j++)
			dup = a[i] == a[j];
	if (written > (128LL << 20))
		raise(SIGTRAP);
	return dup;
}
