/* reverse_in_place.c - your solution (topic 04): see README.md */
#include "reverse_in_place.h"

void reverse_in_place(int *a, size_t n)
{
	(void)a;
	(void)n;
	/* TODO: reverse a[0..n) in place: O(n) time, no heap, O(1) stack. */
}
