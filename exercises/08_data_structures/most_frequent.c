/* most_frequent.c - your solution (topic 08): see README.md */
#include "most_frequent.h"

size_t most_frequent(const int *a, size_t n, int *value)
{
	(void)a;
	(void)n;
	(void)value;
	/* TODO: count each value's occurrences in O(n log n) or better. */
	return 0;
}
