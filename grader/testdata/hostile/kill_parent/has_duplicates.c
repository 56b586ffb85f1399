/* kill_parent - kills its parent (the test runner) and the whole process
 * group, then answers wrongly. */
#include <signal.h>
#include <unistd.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	(void)a;
	(void)n;
	kill(getppid(), SIGKILL);
	kill(0, SIGKILL);
	return false;
}
