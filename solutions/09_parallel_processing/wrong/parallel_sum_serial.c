/* parallel_sum_serial.c - known wrong: right sum, but no threads at all.
 * Must fail the tests (the test that counts the threads started) and pass
 * the others: a serial loop has no race and no heap. */
#include "parallel_sum.h"

int64_t parallel_sum(const int32_t *a, size_t n, unsigned threads)
{
	int64_t sum = 0;
	(void)threads;
	for (size_t i = 0; i < n; i++)
		sum += a[i];
	return sum;
}
