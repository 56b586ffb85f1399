/* has_duplicates.c - chained hash table: several allocation sites */
#include <stdlib.h>

#include "has_duplicates.h"

struct node {
	int value;
	struct node *next;
};

static struct node *new_chunk(struct node *chunks)
{
	struct node *c = malloc(256 * sizeof(*c));
	c[0].next = chunks;
	return c;
}

bool has_duplicates(const int *a, size_t n)
{
	size_t nb = n / 4 + 1;
	struct node **buckets = calloc(nb, sizeof(*buckets));
	struct node *chunks = NULL;
	size_t used = 256;
	int *log = NULL;
	size_t nlog = 0;
	bool found = false;
	for (size_t i = 0; i < n && !found; i++) {
		size_t h = (unsigned)a[i] % nb;
		for (struct node *p = buckets[h]; p; p = p->next)
			if (p->value == a[i])
				found = true;
		if (used == 256) {
			chunks = new_chunk(chunks);
			used = 1;
		}
		struct node *nd = &chunks[used++];
		nd->value = a[i];
		nd->next = buckets[h];
		buckets[h] = nd;
		if ((nlog & (nlog - 1)) == 0)
			log = realloc(log, (nlog ? 2 * nlog : 1) * sizeof(*log));
		log[nlog++] = a[i];
	}
	while (chunks) {
		struct node *next = chunks[0].next;
		free(chunks);
		chunks = next;
	}
	free(buckets);
	free(log);
	return found;
}
