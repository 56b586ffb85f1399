/* binary_search.c - your solution (topic 05): see README.md */
#include "binary_search.h"

ptrdiff_t binary_search(const int *a, size_t n, int key)
{
	(void)a;
	(void)n;
	(void)key;
	/* TODO: return an index of key in the sorted a[0..n), or -1, in O(log n). */
	return -1;
}
