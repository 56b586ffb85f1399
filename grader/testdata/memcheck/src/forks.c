/* has_duplicates.c - checks in a child process; both leak, the child reads past */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	int *copy = malloc(n * sizeof(*copy));
	memcpy(copy, a, n * sizeof(*copy));
	pid_t pid = fork();
	if (pid == 0) {
		int *more = malloc(8);
		more[0] = copy[n];
		_exit(more[0] == 7 ? 0 : 1);
	}
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}
