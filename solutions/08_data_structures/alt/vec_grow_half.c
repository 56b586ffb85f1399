/* vec_grow_half.c - another correct solution: grows by half again (x1.5)
 * with malloc, copy and free rather than realloc, so at the moment of
 * growing both arrays exist: up to 10*n bytes, within 12*n + 16 KiB. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vec.h"

bool vec_push(struct vec *v, int x)
{
	if (v->len == v->cap) {
		size_t cap = v->cap < 8 ? 8 : v->cap + v->cap / 2;
		if (cap > SIZE_MAX / sizeof(*v->data))
			return false;
		int *data = malloc(cap * sizeof(*data));
		if (!data)
			return false;
		if (v->len)
			memcpy(data, v->data, v->len * sizeof(*data));
		free(v->data);
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
