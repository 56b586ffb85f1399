/* student_main - brings its own main(), which prints that every test passed
 * and exits 0, hoping to replace the test runner. has_duplicates itself is
 * wrong (always false). */
#include <stdio.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	(void)a;
	(void)n;
	return false;
}

int main(void)
{
	puts("[====] Synthesis: Tested: 7 | Passing: 7 | Failing: 0 | Crashing: 0");
	return 0;
}
