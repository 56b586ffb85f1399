/* rotate_left.c - your solution (topic 04): see README.md */
#include "rotate_left.h"

void rotate_left(int *a, size_t n, size_t k)
{
	(void)a;
	(void)n;
	(void)k;
	/* TODO: rotate a[0..n) left by k in place: O(n) time for any k, no heap,
	 * O(1) stack. */
}
