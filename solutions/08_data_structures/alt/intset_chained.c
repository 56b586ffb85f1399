/* intset_chained.c - another correct solution: separate chaining, one
 * malloc'd node per value hanging off a bucket array that doubles when
 * there are as many values as buckets. Simpler removal than open
 * addressing (no tombstones), at 16 bytes of node and 8 to 16 of bucket
 * per value: the budget of 48*n + 64 KiB is sized to admit it. */
#include <stdint.h>
#include <stdlib.h>

#include "intset.h"

struct node {
	struct node *next;
	int value;
};

struct intset {
	struct node **buckets;
	size_t cap; /* a power of two, or 0 before the first add */
	size_t size;
};

struct intset *intset_new(void)
{
	return calloc(1, sizeof(struct intset));
}

void intset_free(struct intset *s)
{
	if (!s)
		return;
	for (size_t b = 0; b < s->cap; b++) {
		for (struct node *p = s->buckets[b], *next; p; p = next) {
			next = p->next;
			free(p);
		}
	}
	free(s->buckets);
	free(s);
}

static size_t bucket(int x, size_t cap)
{
	return (size_t)(((uint64_t)(uint32_t)x * 0x9e3779b97f4a7c15ull) >> 32) & (cap - 1);
}

static struct node **find(const struct intset *s, int x)
{
	if (!s->cap)
		return NULL;
	struct node **link = &s->buckets[bucket(x, s->cap)];
	while (*link && (*link)->value != x)
		link = &(*link)->next;
	return *link ? link : NULL;
}

static int grow(struct intset *s)
{
	size_t cap = s->cap ? 2 * s->cap : 16;
	if (cap > SIZE_MAX / sizeof(struct node *))
		return -1;
	struct node **buckets = calloc(cap, sizeof(*buckets));
	if (!buckets)
		return -1;
	for (size_t b = 0; b < s->cap; b++) {
		for (struct node *p = s->buckets[b], *next; p; p = next) {
			next = p->next;
			struct node **head = &buckets[bucket(p->value, cap)];
			p->next = *head;
			*head = p;
		}
	}
	free(s->buckets);
	s->buckets = buckets;
	s->cap = cap;
	return 0;
}

int intset_add(struct intset *s, int x)
{
	if (find(s, x))
		return 0;
	if (s->size == s->cap && grow(s))
		return -1;
	struct node *p = malloc(sizeof(*p));
	if (!p)
		return -1;
	struct node **head = &s->buckets[bucket(x, s->cap)];
	p->value = x;
	p->next = *head;
	*head = p;
	s->size++;
	return 1;
}

bool intset_contains(const struct intset *s, int x)
{
	return find(s, x) != NULL;
}

bool intset_remove(struct intset *s, int x)
{
	struct node **link = find(s, x);
	if (!link)
		return false;
	struct node *p = *link;
	*link = p->next;
	free(p);
	s->size--;
	return true;
}

size_t intset_size(const struct intset *s)
{
	return s->size;
}
