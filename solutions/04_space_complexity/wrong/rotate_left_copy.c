/* rotate_left_copy.c - known wrong: saves the first k elements in a
 * temporary buffer, slides the rest down, and puts them back at the end.
 * Correct and O(n), but it allocates up to 4*n bytes where the budget is 0:
 * must fail memory. */
#include <stdlib.h>

#include "rotate_left.h"

void rotate_left(int *a, size_t n, size_t k)
{
	if (n < 2)
		return;
	k %= n;
	if (k == 0)
		return;
	int *saved = malloc(k * sizeof(*saved));
	if (!saved)
		return;
	for (size_t i = 0; i < k; i++)
		saved[i] = a[i];
	for (size_t i = k; i < n; i++)
		a[i - k] = a[i];
	for (size_t i = 0; i < k; i++)
		a[n - k + i] = saved[i];
	free(saved);
}
