/* pack_order.h - topic 01: reorder a struct's members to waste no padding */
#ifndef PACK_ORDER_H
#define PACK_ORDER_H

#include <stddef.h>

#include "struct_layout.h"

/* Chooses an order of the members fields[0..n) (struct field is described
 * in struct_layout.h) that makes the struct as small as it can be, stores
 * it in order[0..n) as a permutation of 0..n-1 (order[0] is the index of
 * the member to put first), and returns the size of the struct laid out in
 * that order, tail padding included; returns 0 when n is 0. fields is not
 * modified. pack_order.c is built on its own: struct_layout() is not
 * linked in. Target: O(n log n) time or better; at most 16*n + 64 KiB
 * bytes of extra heap, all freed before returning. */
size_t pack_order(const struct field *fields, size_t n, size_t *order);

#endif
