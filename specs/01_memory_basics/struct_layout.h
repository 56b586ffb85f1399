/* struct_layout.h - topic 01: where does C put each member of a struct? */
#ifndef STRUCT_LAYOUT_H
#define STRUCT_LAYOUT_H

#include <stddef.h>

/* One member of a struct, described by what sizeof and _Alignof say of its
 * type. align is a power of two and size is a positive multiple of align,
 * as for every C object type. */
struct field {
	size_t size;
	size_t align;
};

/* Lays out fields[0..n) in the order given, as the C compiler does for a
 * struct on this machine: each member at the lowest offset after the one
 * before it that is a multiple of its alignment, and the struct's size
 * rounded up to a multiple of its largest alignment. Stores member i's
 * offset in offsets[i] and returns the struct's size; returns 0 and stores
 * nothing when n is 0. fields is not modified.
 * Target: O(n) time; no heap at all; O(1) stack. */
size_t struct_layout(const struct field *fields, size_t n, size_t *offsets);

#endif
