/* sort_ints.c - reference solution: heapsort. Arrange a as a max-heap, then
 * repeatedly swap the largest value to the end and restore the heap on what
 * is left. O(n log n) time in every case, no extra heap, O(1) stack. */
#include "sort_ints.h"

/* Moves a[i] down until neither child in a[0..n) is larger. */
static void sift_down(int *a, size_t i, size_t n)
{
	int v = a[i];

	for (;;) {
		size_t child = 2 * i + 1;
		if (child >= n)
			break;
		if (child + 1 < n && a[child + 1] > a[child])
			child++;
		if (a[child] <= v)
			break;
		a[i] = a[child];
		i = child;
	}
	a[i] = v;
}

void sort_ints(int *a, size_t n)
{
	if (n < 2)
		return;
	for (size_t i = n / 2; i-- > 0;)
		sift_down(a, i, n);
	for (size_t end = n - 1; end > 0; end--) {
		int top = a[0];
		a[0] = a[end];
		a[end] = top;
		sift_down(a, 0, end);
	}
}
