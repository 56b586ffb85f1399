/* struct_layout.c - reference solution: one pass, rounding each offset up
 * to the member's alignment. O(n) time, no heap. */
#include "struct_layout.h"

/* The least multiple of align (a power of two) that is >= x. */
static size_t round_up(size_t x, size_t align)
{
	return (x + align - 1) & ~(align - 1);
}

size_t struct_layout(const struct field *fields, size_t n, size_t *offsets)
{
	size_t end = 0, max_align = 1;

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		offsets[i] = round_up(end, fields[i].align);
		end = offsets[i] + fields[i].size;
		if (fields[i].align > max_align)
			max_align = fields[i].align;
	}
	return round_up(end, max_align);
}
