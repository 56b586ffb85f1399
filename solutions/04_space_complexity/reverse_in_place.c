/* reverse_in_place.c - reference solution: two indices walk towards each
 * other and swap. O(n) time, one int of extra storage. */
#include "reverse_in_place.h"

void reverse_in_place(int *a, size_t n)
{
	if (n < 2)
		return;
	for (size_t i = 0, j = n - 1; i < j; i++, j--) {
		int t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}
