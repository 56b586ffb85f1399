/* vec_hog.c - known wrong: reserves room for a million ints on the first
 * push "so that it never has to grow", then doubles past that. Correct and
 * O(1) per push, but 4 MB for any n: far over 12*n + 16 KiB at the memory
 * check's n, so it must fail memory. */
#include <stdint.h>
#include <stdlib.h>

#include "vec.h"

#define RESERVE ((size_t)1 << 20)

bool vec_push(struct vec *v, int x)
{
	if (v->len == v->cap) {
		size_t cap = v->cap ? 2 * v->cap : RESERVE;
		if (cap > SIZE_MAX / sizeof(*v->data))
			return false;
		int *data = realloc(v->data, cap * sizeof(*data));
		if (!data)
			return false;
		v->data = data;
		v->cap = cap;
	}
	v->data[v->len++] = x;
	return true;
}

bool vec_pop(struct vec *v, int *out)
{
	if (!v->len)
		return false;
	*out = v->data[--v->len];
	return true;
}

void vec_release(struct vec *v)
{
	free(v->data);
	v->data = NULL;
	v->len = v->cap = 0;
}
