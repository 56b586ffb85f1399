/* include_host_file - has the compiler read a file of the machine's
 * (/etc/passwd, world-readable), whose lines then appear in the report as
 * the compiler's errors. */
#include "has_duplicates.h"

#include "/etc/passwd"

bool has_duplicates(const int *a, size_t n)
{
	(void)a;
	(void)n;
	return false;
}
