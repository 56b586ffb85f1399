/* intset_low_bits.c - known wrong: the reference's open addressing, but the
 * slot is the value's low bits (x mod the table's power-of-two size), with
 * no mixing. O(n) on values spread at random; values that are multiples of
 * 65536 all start in slot 0 and probe past one another: O(n^2). Must fail
 * complexity, on the strided family. */
#include <stdint.h>
#include <stdlib.h>

#include "intset.h"

#define MIN_CAP 16

enum { EMPTY, FULL, REMOVED };

struct intset {
	int *keys;
	unsigned char *state;
	size_t cap;  /* a power of two, or 0 before the first add */
	size_t size; /* values in the set */
	size_t used; /* slots that are FULL or REMOVED */
};

struct intset *intset_new(void)
{
	return calloc(1, sizeof(struct intset));
}

void intset_free(struct intset *s)
{
	if (s) {
		free(s->keys);
		free(s->state);
	}
	free(s);
}

static size_t hash(int x, size_t cap)
{
	return (size_t)(uint32_t)x & (cap - 1);
}

/* The slot that holds x, or SIZE_MAX. */
static size_t find(const struct intset *s, int x)
{
	if (!s->cap)
		return SIZE_MAX;
	for (size_t i = hash(x, s->cap);; i = (i + 1) & (s->cap - 1)) {
		if (s->state[i] == EMPTY)
			return SIZE_MAX;
		if (s->state[i] == FULL && s->keys[i] == x)
			return i;
	}
}

static void put(struct intset *s, int x)
{
	size_t i = hash(x, s->cap);
	while (s->state[i] == FULL)
		i = (i + 1) & (s->cap - 1);
	if (s->state[i] == EMPTY)
		s->used++;
	s->state[i] = FULL;
	s->keys[i] = x;
	s->size++;
}

static int rebuild(struct intset *s, size_t cap)
{
	if (cap > SIZE_MAX / 2 / sizeof(int))
		return -1;
	int *keys = malloc(cap * sizeof(*keys));
	unsigned char *state = calloc(cap, 1);
	if (!keys || !state) {
		free(keys);
		free(state);
		return -1;
	}
	struct intset old = *s;
	s->keys = keys;
	s->state = state;
	s->cap = cap;
	s->size = s->used = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.state[i] == FULL)
			put(s, old.keys[i]);
	free(old.keys);
	free(old.state);
	return 0;
}

int intset_add(struct intset *s, int x)
{
	if (find(s, x) != SIZE_MAX)
		return 0;
	if (2 * (s->used + 1) > s->cap) {
		/* Double when live values are the reason; when tombstones are,
		 * a rebuild at the same size clears them. */
		size_t cap = s->cap ? s->cap : MIN_CAP;
		if (4 * (s->size + 1) > cap)
			cap *= 2;
		if (rebuild(s, cap))
			return -1;
	}
	put(s, x);
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
	s->state[i] = REMOVED;
	s->size--;
	return true;
}

size_t intset_size(const struct intset *s)
{
	return s->size;
}
