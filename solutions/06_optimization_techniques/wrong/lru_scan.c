/* lru_scan.c - known wrong: one linked list in order of use and no index,
 * so every get and put walks the list to find its key. Correct, but O(n)
 * per call for a cache of capacity proportional to n, O(n^2) for n calls:
 * must fail complexity. */
#include <stdlib.h>

#include "lru.h"

struct node {
	int key, value;
	struct node *next;
};

struct lru {
	struct node *head; /* newest first */
	size_t capacity, len;
};

struct lru *lru_new(size_t capacity)
{
	if (capacity == 0)
		return NULL;
	struct lru *c = calloc(1, sizeof(*c));
	if (c)
		c->capacity = capacity;
	return c;
}

void lru_free(struct lru *c)
{
	if (!c)
		return;
	while (c->head) {
		struct node *next = c->head->next;
		free(c->head);
		c->head = next;
	}
	free(c);
}

/* Unlinks key's node and returns it, or NULL. */
static struct node *take(struct lru *c, int key)
{
	for (struct node **p = &c->head; *p; p = &(*p)->next) {
		if ((*p)->key == key) {
			struct node *n = *p;
			*p = n->next;
			return n;
		}
	}
	return NULL;
}

bool lru_get(struct lru *c, int key, int *value)
{
	struct node *n = take(c, key);
	if (!n)
		return false;
	n->next = c->head;
	c->head = n;
	*value = n->value;
	return true;
}

bool lru_put(struct lru *c, int key, int value)
{
	struct node *n = take(c, key);
	if (!n) {
		if (c->len == c->capacity) {
			struct node **p = &c->head;
			while ((*p)->next)
				p = &(*p)->next;
			n = *p;
			*p = NULL;
		} else {
			n = malloc(sizeof(*n));
			if (!n)
				return false;
			c->len++;
		}
		n->key = key;
	}
	n->value = value;
	n->next = c->head;
	c->head = n;
	return true;
}

size_t lru_len(const struct lru *c)
{
	return c->len;
}
