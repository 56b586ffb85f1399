/* slice.c - your solution (topic 01): see README.md */
#include "slice.h"

struct int_view slice(const int *a, size_t n, size_t from, size_t to)
{
	struct int_view none = { NULL, 0 };
	(void)a;
	(void)n;
	(void)from;
	(void)to;
	/* TODO: return a view of a[from..to) that points into a, in O(1). */
	return none;
}
