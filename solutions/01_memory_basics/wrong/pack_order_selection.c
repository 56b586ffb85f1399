/* pack_order_selection.c - known wrong: selection sort by alignment, each
 * step scanning all the members left. Correct, but O(n^2): must fail
 * complexity. */
#include "pack_order.h"

size_t pack_order(const struct field *fields, size_t n, size_t *order)
{
	size_t max_align = 1, total = 0;

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		order[i] = i;
		total += fields[i].size;
		if (fields[i].align > max_align)
			max_align = fields[i].align;
	}
	for (size_t k = 0; k < n; k++) {
		size_t best = k;
		for (size_t j = k + 1; j < n; j++)
			if (fields[order[j]].align > fields[order[best]].align)
				best = j;
		size_t t = order[k];
		order[k] = order[best];
		order[best] = t;
	}
	return (total + max_align - 1) / max_align * max_align;
}
