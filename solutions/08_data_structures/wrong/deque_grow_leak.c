/* deque_grow_leak.c - known wrong: the reference ring buffer, except that
 * growing copies into the new buffer and never frees the old one. Correct
 * and O(1), but every growth leaks: must fail memory. */
#include <stdint.h>
#include <stdlib.h>

#include "deque.h"

struct deque {
	int *buf;
	size_t cap;
	size_t head;
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

static size_t pos(const struct deque *d, size_t i)
{
	return (d->head + i) & (d->cap - 1);
}

static bool grow_if_full(struct deque *d)
{
	if (d->len < d->cap)
		return true;
	size_t cap = d->cap ? 2 * d->cap : 8;
	if (cap > SIZE_MAX / 2 / sizeof(int))
		return false;
	int *buf = malloc(cap * sizeof(*buf));
	if (!buf)
		return false;
	for (size_t i = 0; i < d->len; i++)
		buf[i] = d->buf[pos(d, i)];
	d->buf = buf;
	d->cap = cap;
	d->head = 0;
	return true;
}

bool deque_push_front(struct deque *d, int x)
{
	if (!grow_if_full(d))
		return false;
	d->head = (d->head + d->cap - 1) & (d->cap - 1);
	d->buf[d->head] = x;
	d->len++;
	return true;
}

bool deque_push_back(struct deque *d, int x)
{
	if (!grow_if_full(d))
		return false;
	d->buf[pos(d, d->len)] = x;
	d->len++;
	return true;
}

bool deque_pop_front(struct deque *d, int *out)
{
	if (!d->len)
		return false;
	*out = d->buf[d->head];
	d->head = pos(d, 1);
	d->len--;
	return true;
}

bool deque_pop_back(struct deque *d, int *out)
{
	if (!d->len)
		return false;
	*out = d->buf[pos(d, d->len - 1)];
	d->len--;
	return true;
}

size_t deque_len(const struct deque *d)
{
	return d->len;
}

int deque_at(const struct deque *d, size_t i)
{
	return d->buf[pos(d, i)];
}
