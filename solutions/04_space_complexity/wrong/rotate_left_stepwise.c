/* rotate_left_stepwise.c - known wrong: rotates by one place, k mod n
 * times. Correct, no heap, but each step moves all n elements, so it costs
 * k*n: with k growing with n that is O(n^2). Must fail complexity. */
#include "rotate_left.h"

void rotate_left(int *a, size_t n, size_t k)
{
	if (n < 2)
		return;
	for (k %= n; k > 0; k--) {
		int first = a[0];
		for (size_t i = 1; i < n; i++)
			a[i - 1] = a[i];
		a[n - 1] = first;
	}
}
