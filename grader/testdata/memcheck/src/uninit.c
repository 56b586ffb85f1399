/* has_duplicates.c - counts in a table it never cleared, writes garbage */
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>

#include "has_duplicates.h"

static bool seen_small(const int *a, size_t n)
{
	int slot[8];
	for (size_t i = 0; i < n && i < 4; i++)
		slot[i] = a[i];
	return slot[(unsigned)slot[5] % 8] == 1;
}

bool has_duplicates(const int *a, size_t n)
{
	int *count = malloc(n * sizeof(*count));
	bool found = seen_small(a, n);
	for (size_t i = 0; i < n && !found; i++) {
		size_t k = (unsigned)a[i] % n;
		if (count[k] > 0)
			found = true;
		count[k] = 1;
	}
	int fd = open("/dev/null", O_WRONLY);
	char *msg = malloc(16);
	msg[0] = 'x';
	if (write(fd, msg, 16) < 0)
		found = !found;
	char note[16];
	note[0] = 'y';
	if (write(fd, note, sizeof(note)) < 0)
		found = !found;
	close(fd);
	free(msg);
	free(count);
	return found;
}
