/* vec.c - your solution (topic 08): see README.md */
#include "vec.h"

bool vec_push(struct vec *v, int x)
{
	(void)v;
	(void)x;
	/* TODO: append x, growing data by a factor when it is full. */
	return false;
}

bool vec_pop(struct vec *v, int *out)
{
	(void)v;
	(void)out;
	/* TODO: remove the last element into *out. */
	return false;
}

void vec_release(struct vec *v)
{
	(void)v;
	/* TODO: free data and leave v as VEC_INIT. */
}
