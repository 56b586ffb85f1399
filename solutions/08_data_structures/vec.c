/* vec.c - reference solution: double the capacity whenever the array is
 * full, so n pushes copy fewer than 2n elements in all */
#include <stdint.h>
#include <stdlib.h>

#include "vec.h"

bool vec_push(struct vec *v, int x)
{
	if (v->len == v->cap) {
		size_t cap = v->cap ? 2 * v->cap : 8;
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
