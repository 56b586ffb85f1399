/* deque_shift_front.c - known wrong: a plain array with the first element
 * at index 0, so push_front and pop_front move every element by one.
 * Correct, but O(n) per front operation, O(n^2) for n of them: must fail
 * complexity. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "deque.h"

struct deque {
	int *buf;
	size_t cap;
	size_t len;
};

struct deque *deque_new(void)
{
	return calloc(1, sizeof(struct deque));
}

void deque_free(struct deque *d)
{
	if (d)
		free(d->buf);
	free(d);
}

static bool grow_if_full(struct deque *d)
{
	if (d->len < d->cap)
		return true;
	size_t cap = d->cap ? 2 * d->cap : 8;
	if (cap > SIZE_MAX / 2 / sizeof(int))
		return false;
	int *buf = realloc(d->buf, cap * sizeof(*buf));
	if (!buf)
		return false;
	d->buf = buf;
	d->cap = cap;
	return true;
}

bool deque_push_front(struct deque *d, int x)
{
	if (!grow_if_full(d))
		return false;
	memmove(d->buf + 1, d->buf, d->len * sizeof(*d->buf));
	d->buf[0] = x;
	d->len++;
	return true;
}

bool deque_push_back(struct deque *d, int x)
{
	if (!grow_if_full(d))
		return false;
	d->buf[d->len++] = x;
	return true;
}

bool deque_pop_front(struct deque *d, int *out)
{
	if (!d->len)
		return false;
	*out = d->buf[0];
	memmove(d->buf, d->buf + 1, --d->len * sizeof(*d->buf));
	return true;
}

bool deque_pop_back(struct deque *d, int *out)
{
	if (!d->len)
		return false;
	*out = d->buf[--d->len];
	return true;
}

size_t deque_len(const struct deque *d)
{
	return d->len;
}

int deque_at(const struct deque *d, size_t i)
{
	return d->buf[i];
}
