/* struct_layout_rewalk.c - known wrong: finds each member's offset by laying
 * out all the members before it again. Correct, but O(n^2): must fail
 * complexity. */
#include "struct_layout.h"

static size_t offset_of(const struct field *fields, size_t i)
{
	size_t end = 0, off = 0;

	for (size_t k = 0; k <= i; k++) {
		size_t a = fields[k].align;
		off = (end + a - 1) / a * a;
		end = off + fields[k].size;
	}
	return off;
}

size_t struct_layout(const struct field *fields, size_t n, size_t *offsets)
{
	size_t max_align = 1;

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		offsets[i] = offset_of(fields, i);
		if (fields[i].align > max_align)
			max_align = fields[i].align;
	}
	size_t end = offsets[n - 1] + fields[n - 1].size;
	return (end + max_align - 1) / max_align * max_align;
}
