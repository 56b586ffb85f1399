/* struct_layout_no_tail.c - known wrong: forgets the padding at the end of
 * the struct (the size is where the last member ends). Fast and allocates
 * nothing: must fail tests only. */
#include "struct_layout.h"

size_t struct_layout(const struct field *fields, size_t n, size_t *offsets)
{
	size_t end = 0;

	for (size_t i = 0; i < n; i++) {
		size_t a = fields[i].align;
		offsets[i] = (end + a - 1) / a * a;
		end = offsets[i] + fields[i].size;
	}
	return end;
}
