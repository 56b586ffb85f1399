/* struct_layout_scratch.c - known wrong: computes the member ends into a
 * malloc'd scratch array that it never frees. Correct and linear, but it
 * allocates (the budget is 0) and leaks: must fail memory. */
#include <stdlib.h>

#include "struct_layout.h"

size_t struct_layout(const struct field *fields, size_t n, size_t *offsets)
{
	size_t max_align = 1;

	if (n == 0)
		return 0;
	size_t *ends = malloc(n * sizeof(*ends));
	if (!ends)
		return 0;
	for (size_t i = 0; i < n; i++) {
		size_t a = fields[i].align, prev = i ? ends[i - 1] : 0;
		offsets[i] = (prev + a - 1) / a * a;
		ends[i] = offsets[i] + fields[i].size;
		if (a > max_align)
			max_align = a;
	}
	return (ends[n - 1] + max_align - 1) / max_align * max_align;
}
