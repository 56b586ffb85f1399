/* vec_realloc_plus_one.c - known wrong: asks realloc for one more element
 * on every push. On glibc this is not measurably quadratic (realloc mostly
 * grows the block in place, so the copies it would need rarely happen), but
 * the C library promises nothing of the kind and the capacity grows
 * arithmetically: must fail the test that watches the capacity, and only it. */
#include <stdlib.h>

#include "vec.h"

bool vec_push(struct vec *v, int x)
{
	if (v->len == v->cap) {
		int *data = realloc(v->data, (v->cap + 1) * sizeof(*data));
		if (!data)
			return false;
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
