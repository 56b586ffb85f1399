/* intset_list.c - known wrong: the values in a growing array, searched from
 * the start on every add, lookup and remove. Correct and compact, but O(n)
 * per operation, O(n^2) for the benchmark: must fail complexity. */
#include <stdint.h>
#include <stdlib.h>

#include "intset.h"

struct intset {
	int *values;
	size_t size, cap;
};

struct intset *intset_new(void)
{
	return calloc(1, sizeof(struct intset));
}

void intset_free(struct intset *s)
{
	if (s)
		free(s->values);
	free(s);
}

static size_t find(const struct intset *s, int x)
{
	for (size_t i = 0; i < s->size; i++)
		if (s->values[i] == x)
			return i;
	return SIZE_MAX;
}

int intset_add(struct intset *s, int x)
{
	if (find(s, x) != SIZE_MAX)
		return 0;
	if (s->size == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 16;
		int *values = realloc(s->values, cap * sizeof(*values));
		if (!values)
			return -1;
		s->values = values;
		s->cap = cap;
	}
	s->values[s->size++] = x;
	return 1;
}

bool intset_contains(const struct intset *s, int x)
{
	return find(s, x) != SIZE_MAX;
}

bool intset_remove(struct intset *s, int x)
{
	size_t i = find(s, x);
	if (i == SIZE_MAX)
		return false;
	s->values[i] = s->values[--s->size];
	return true;
}

size_t intset_size(const struct intset *s)
{
	return s->size;
}
