/* most_frequent_hash.c - another correct solution: count in a hash table
 * (open addressing, 8-byte slots of value and count, at most half full),
 * then pick the best slot. O(n) on average; with d distinct values the
 * table peaks at 24*d bytes while it doubles, within the budget even when
 * every value is distinct. */
#include <stdint.h>
#include <stdlib.h>

#include "most_frequent.h"

struct slot {
	int value;
	uint32_t count; /* 0: the slot is free */
};

static size_t hash(int x, size_t cap)
{
	return (size_t)(((uint64_t)(uint32_t)x * 0x9e3779b97f4a7c15ull) >> 32) & (cap - 1);
}

static struct slot *find(struct slot *t, size_t cap, int x)
{
	size_t i = hash(x, cap);
	while (t[i].count && t[i].value != x)
		i = (i + 1) & (cap - 1);
	return &t[i];
}

size_t most_frequent(const int *a, size_t n, int *value)
{
	size_t cap = 16, used = 0;
	struct slot *t = calloc(cap, sizeof(*t));
	if (!n || !t) {
		free(t);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (2 * (used + 1) > cap) {
			struct slot *bigger = calloc(2 * cap, sizeof(*bigger));
			if (!bigger) {
				free(t);
				return 0;
			}
			for (size_t j = 0; j < cap; j++)
				if (t[j].count)
					*find(bigger, 2 * cap, t[j].value) = t[j];
			free(t);
			t = bigger;
			cap *= 2;
		}
		struct slot *s = find(t, cap, a[i]);
		if (!s->count) {
			s->value = a[i];
			used++;
		}
		s->count++;
	}
	size_t best = 0;
	for (size_t j = 0; j < cap; j++) {
		if (t[j].count && (t[j].count > best || (t[j].count == best && t[j].value < *value))) {
			best = t[j].count;
			*value = t[j].value;
		}
	}
	free(t);
	return best;
}
