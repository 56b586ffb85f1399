/* lru.c - reference solution: a hash table to find a key's node in O(1),
 * and a doubly linked list through the nodes in order of use to find the
 * least recently used one in O(1). All the nodes are allocated up front,
 * so no call after lru_new allocates. */
#include <stdint.h>
#include <stdlib.h>

#include "lru.h"

struct node {
	int key, value;
	struct node *prev, *next; /* the use list: head newest, tail oldest */
	struct node *chain;       /* the next node in the same bucket */
};

struct lru {
	struct node *nodes;   /* capacity of them; the first len in use */
	struct node **bucket; /* nbuckets chains */
	size_t capacity, len, nbuckets;
	struct node head;     /* sentinel: head.next newest, head.prev oldest */
};

static size_t bucket_of(const struct lru *c, int key)
{
	/* Fibonacci hashing: the multiply spreads nearby keys over the table. */
	uint64_t h = (uint64_t)(uint32_t)key * 0x9e3779b97f4a7c15ull;
	return (size_t)(h >> 32) & (c->nbuckets - 1);
}

static void unlink_node(struct node *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
}

static void push_front(struct lru *c, struct node *n)
{
	n->prev = &c->head;
	n->next = c->head.next;
	c->head.next->prev = n;
	c->head.next = n;
}

static struct node *find(const struct lru *c, int key)
{
	struct node *n = c->bucket[bucket_of(c, key)];
	while (n && n->key != key)
		n = n->chain;
	return n;
}

static void unchain(struct lru *c, struct node *n)
{
	struct node **p = &c->bucket[bucket_of(c, n->key)];
	while (*p != n)
		p = &(*p)->chain;
	*p = n->chain;
}

struct lru *lru_new(size_t capacity)
{
	if (capacity == 0 || capacity > SIZE_MAX / 4 / sizeof(struct node))
		return NULL;
	struct lru *c = malloc(sizeof(*c));
	if (!c)
		return NULL;
	c->capacity = capacity;
	c->len = 0;
	c->nbuckets = 1;
	while (c->nbuckets < capacity)
		c->nbuckets *= 2;
	c->nodes = malloc(capacity * sizeof(*c->nodes));
	c->bucket = calloc(c->nbuckets, sizeof(*c->bucket));
	if (!c->nodes || !c->bucket) {
		lru_free(c);
		return NULL;
	}
	c->head.prev = c->head.next = &c->head;
	return c;
}

void lru_free(struct lru *c)
{
	if (!c)
		return;
	free(c->nodes);
	free(c->bucket);
	free(c);
}

bool lru_get(struct lru *c, int key, int *value)
{
	struct node *n = find(c, key);
	if (!n)
		return false;
	unlink_node(n);
	push_front(c, n);
	*value = n->value;
	return true;
}

bool lru_put(struct lru *c, int key, int value)
{
	struct node *n = find(c, key);
	if (n) {
		unlink_node(n);
	} else {
		if (c->len < c->capacity) {
			n = &c->nodes[c->len++];
		} else {
			n = c->head.prev;
			unlink_node(n);
			unchain(c, n);
		}
		n->key = key;
		size_t b = bucket_of(c, key);
		n->chain = c->bucket[b];
		c->bucket[b] = n;
	}
	n->value = value;
	push_front(c, n);
	return true;
}

size_t lru_len(const struct lru *c)
{
	return c->len;
}
