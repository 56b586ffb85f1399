/* sort_ints.c - your solution (topic 05): see README.md */
#include "sort_ints.h"

void sort_ints(int *a, size_t n)
{
	(void)a;
	(void)n;
	/* TODO: sort a[0..n) ascending in O(n log n), with at most 4*n + 64 KiB
	 * bytes of extra heap. */
}
