/* reverse_in_place_recursive.c - known wrong: swaps the outer pair after
 * reversing the inside recursively. Correct, O(n) time, no heap, but the
 * recursion is n/2 calls deep, so the stack grows with n: must fail memory
 * on its stack budget. The swap comes after the call, so the call is not
 * in tail position and the compiler cannot turn it into a loop. */
#include "reverse_in_place.h"

static void reverse_range(int *a, size_t lo, size_t hi)
{
	if (hi - lo < 2)
		return;
	reverse_range(a, lo + 1, hi - 1);
	int t = a[lo];
	a[lo] = a[hi - 1];
	a[hi - 1] = t;
}

void reverse_in_place(int *a, size_t n)
{
	if (n < 2)
		return;
	reverse_range(a, 0, n);
}
