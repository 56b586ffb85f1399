/* pack_order.c - reference solution: members by decreasing alignment.
 *
 * Sizes are multiples of alignments, so after members of alignment A every
 * offset is a multiple of A, and so of every smaller alignment: no padding
 * between members, only the tail padding that no order avoids. Alignments
 * are powers of two, so one pass per alignment (at most 64 of them) is a
 * counting sort: O(n) time, no heap. */
#include "pack_order.h"

size_t pack_order(const struct field *fields, size_t n, size_t *order)
{
	size_t max_align = 1, total = 0, k = 0;

	for (size_t i = 0; i < n; i++) {
		total += fields[i].size;
		if (fields[i].align > max_align)
			max_align = fields[i].align;
	}
	if (n == 0)
		return 0;
	for (size_t align = max_align; align > 0; align /= 2)
		for (size_t i = 0; i < n; i++)
			if (fields[i].align == align)
				order[k++] = i;
	return (total + max_align - 1) & ~(max_align - 1);
}
