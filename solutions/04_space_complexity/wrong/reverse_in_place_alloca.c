/* reverse_in_place_alloca.c - known wrong: copies the array onto the stack
 * with alloca and copies it back reversed. Correct, O(n) time, no heap, no
 * recursion, but 4*n bytes of stack: must fail memory on its stack budget,
 * named as an array on the stack, not as a recursion. */
#include <alloca.h>
#include <string.h>

#include "reverse_in_place.h"

void reverse_in_place(int *a, size_t n)
{
	if (n < 2)
		return;
	int *copy = alloca(n * sizeof(*copy));
	memcpy(copy, a, n * sizeof(*copy));
	for (size_t i = 0; i < n; i++)
		a[i] = copy[n - 1 - i];
}
