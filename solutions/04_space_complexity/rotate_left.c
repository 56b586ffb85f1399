/* rotate_left.c - reference solution: three reversals. Reversing the first
 * k elements, then the rest, then the whole array leaves it rotated left by
 * k. Each element moves twice: O(n) time whatever k is, O(1) extra storage. */
#include "rotate_left.h"

static void reverse(int *a, size_t lo, size_t hi)
{
	while (lo + 1 < hi) {
		int t = a[lo];
		a[lo++] = a[--hi];
		a[hi] = t;
	}
}

void rotate_left(int *a, size_t n, size_t k)
{
	if (n < 2)
		return;
	k %= n;
	if (k == 0)
		return;
	reverse(a, 0, k);
	reverse(a, k, n);
	reverse(a, 0, n);
}
