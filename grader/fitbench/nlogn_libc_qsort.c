/* nlogn_libc_qsort.c - fitbench entry: the C library's qsort on n random
 * distinct ints
 *
 * class: O(n log n)
 * sizes: 1024..262144 x2
 *
 * Code the student did not write (glibc's merge sort, through a comparison
 * callback) counts like any other: callgrind sees every instruction.
 */
#include <stdlib.h>

#include "bench.h"

static int compare(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	bench_fill_distinct(rng, a, n, 0);
	return a;
}

void bench_run(void *input, size_t n)
{
	int *a = input;
	qsort(a, n, sizeof(*a), compare);
	bench_sink((uint64_t)a[n / 3]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
