/* struct_layout.c - your solution (topic 01): see README.md */
#include "struct_layout.h"

size_t struct_layout(const struct field *fields, size_t n, size_t *offsets)
{
	(void)fields;
	(void)n;
	(void)offsets;
	/* TODO: store each member's offset and return the struct's size, in O(n). */
	return 0;
}
