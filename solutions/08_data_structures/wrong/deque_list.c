/* deque_list.c - known wrong: a doubly linked list, one malloc'd node per
 * element. Pushes and pops are O(1), but deque_at walks the list, O(n) per
 * call and O(n^2) for the benchmark's pass over all elements; and 24 bytes
 * of node per 4-byte int is over 12*n + 16 KiB. Must fail complexity and
 * memory. */
#include <stdlib.h>

#include "deque.h"

struct node {
	struct node *prev, *next;
	int value;
};

struct deque {
	struct node *first, *last;
	size_t len;
};

struct deque *deque_new(void)
{
	return calloc(1, sizeof(struct deque));
}

void deque_free(struct deque *d)
{
	if (!d)
		return;
	for (struct node *p = d->first, *next; p; p = next) {
		next = p->next;
		free(p);
	}
	free(d);
}

bool deque_push_front(struct deque *d, int x)
{
	struct node *p = malloc(sizeof(*p));
	if (!p)
		return false;
	p->value = x;
	p->prev = NULL;
	p->next = d->first;
	if (d->first)
		d->first->prev = p;
	else
		d->last = p;
	d->first = p;
	d->len++;
	return true;
}

bool deque_push_back(struct deque *d, int x)
{
	struct node *p = malloc(sizeof(*p));
	if (!p)
		return false;
	p->value = x;
	p->next = NULL;
	p->prev = d->last;
	if (d->last)
		d->last->next = p;
	else
		d->first = p;
	d->last = p;
	d->len++;
	return true;
}

bool deque_pop_front(struct deque *d, int *out)
{
	struct node *p = d->first;
	if (!p)
		return false;
	*out = p->value;
	d->first = p->next;
	if (d->first)
		d->first->prev = NULL;
	else
		d->last = NULL;
	free(p);
	d->len--;
	return true;
}

bool deque_pop_back(struct deque *d, int *out)
{
	struct node *p = d->last;
	if (!p)
		return false;
	*out = p->value;
	d->last = p->prev;
	if (d->last)
		d->last->next = NULL;
	else
		d->first = NULL;
	free(p);
	d->len--;
	return true;
}

size_t deque_len(const struct deque *d)
{
	return d->len;
}

int deque_at(const struct deque *d, size_t i)
{
	const struct node *p = d->first;
	while (i--)
		p = p->next;
	return p->value;
}
