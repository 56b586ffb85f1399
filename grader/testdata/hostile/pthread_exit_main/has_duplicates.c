/* pthread_exit_main - pthread_exit() in the only thread: the process then
 * ends with status 0, as exit(0) would, without calling exit. */
#include <pthread.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	(void)a;
	(void)n;
	pthread_exit(NULL);
}
