/* pack_order_hog.c - known wrong: one bucket per possible alignment (64 of
 * them), each bucket an array big enough for all n members. Correct and
 * linear, but 64 * 8 * n bytes of heap against a budget of 16*n + 64 KiB:
 * must fail memory. */
#include <stdlib.h>

#include "pack_order.h"

size_t pack_order(const struct field *fields, size_t n, size_t *order)
{
	enum { BUCKETS = 64 };
	size_t *bucket[BUCKETS] = { 0 }, count[BUCKETS] = { 0 };
	size_t max_align = 1, total = 0, k = 0;

	if (n == 0)
		return 0;
	for (int b = 0; b < BUCKETS; b++) {
		bucket[b] = malloc(n * sizeof(size_t));
		if (!bucket[b]) {
			while (b--)
				free(bucket[b]);
			return 0;
		}
	}
	for (size_t i = 0; i < n; i++) {
		int b = 0;
		while (((size_t)1 << b) < fields[i].align)
			b++;
		bucket[b][count[b]++] = i;
		total += fields[i].size;
		if (fields[i].align > max_align)
			max_align = fields[i].align;
	}
	for (int b = BUCKETS - 1; b >= 0; b--) {
		for (size_t j = 0; j < count[b]; j++)
			order[k++] = bucket[b][j];
		free(bucket[b]);
	}
	return (total + max_align - 1) / max_align * max_align;
}
