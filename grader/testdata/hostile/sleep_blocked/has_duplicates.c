/* sleep_blocked - blocks every signal, ignores the rest, then sleeps for ever. */
#include <signal.h>
#include <unistd.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	sigset_t all;
	(void)a;
	(void)n;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	for (int s = 1; s < 32; s++)
		signal(s, SIG_IGN);
	for (;;)
		pause();
}
