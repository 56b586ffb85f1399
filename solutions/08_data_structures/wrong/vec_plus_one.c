/* vec_plus_one.c - known wrong: makes the array one element longer on every
 * push, copying all that it holds into the new one. Correct, but push k
 * copies k elements, so n pushes are O(n^2): must fail complexity (and the
 * test that watches the capacity grow). */
#include <stdlib.h>
#include <string.h>

#include "vec.h"

bool vec_push(struct vec *v, int x)
{
	if (v->len == v->cap) {
		int *data = malloc((v->cap + 1) * sizeof(*data));
		if (!data)
			return false;
		if (v->len)
			memcpy(data, v->data, v->len * sizeof(*data));
		free(v->data);
		v->data = data;
		v->cap++;
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
