/* has_duplicates.c - chained hash table that it forgets to free */
#include <stdlib.h>

#include "has_duplicates.h"

struct node {
	int value;
	struct node *next;
};

struct node **table;
size_t table_size;

bool has_duplicates(const int *a, size_t n)
{
	size_t nb = n / 4 + 1;
	struct node **buckets = calloc(nb, sizeof(*buckets));
	bool found = false;
	for (size_t i = 0; i < n && !found; i++) {
		size_t h = (unsigned)a[i] % nb;
		for (struct node *p = buckets[h]; p; p = p->next)
			if (p->value == a[i])
				found = true;
		struct node *nd = malloc(sizeof(*nd));
		nd->value = a[i];
		nd->next = buckets[h];
		buckets[h] = nd;
	}
	/* keeps a pointer into the middle of the last table: possibly lost */
	table = calloc(4, sizeof(*table));
	table_size = 4;
	table += 1;
	return found;
}
