/* pack_order_no_tail.c - known wrong: a good order, but returns the sum of
 * the sizes without the tail padding. Must fail tests only. */
#include "pack_order.h"

size_t pack_order(const struct field *fields, size_t n, size_t *order)
{
	size_t max_align = 1, total = 0, k = 0;

	for (size_t i = 0; i < n; i++) {
		total += fields[i].size;
		if (fields[i].align > max_align)
			max_align = fields[i].align;
	}
	for (size_t align = max_align; n && align > 0; align /= 2)
		for (size_t i = 0; i < n; i++)
			if (fields[i].align == align)
				order[k++] = i;
	return total;
}
