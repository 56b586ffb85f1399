/* reverse_in_place_copy.c - known wrong: writes the reversal into a
 * temporary array, then copies it back. Correct and O(n), but it allocates
 * 4*n bytes where the budget is 0: must fail memory. */
#include <stdlib.h>

#include "reverse_in_place.h"

void reverse_in_place(int *a, size_t n)
{
	if (n < 2)
		return;
	int *tmp = malloc(n * sizeof(*tmp));
	if (!tmp)
		return;
	for (size_t i = 0; i < n; i++)
		tmp[i] = a[n - 1 - i];
	for (size_t i = 0; i < n; i++)
		a[i] = tmp[i];
	free(tmp);
}
