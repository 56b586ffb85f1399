/* pack_order.c - your solution (topic 01): see README.md */
#include "pack_order.h"

size_t pack_order(const struct field *fields, size_t n, size_t *order)
{
	(void)fields;
	(void)n;
	(void)order;
	/* TODO: store an order of the members that wastes no padding, return its size. */
	return 0;
}
