/* vec.h - topic 08: a growable array of ints with amortised O(1) push */
#ifndef VEC_H
#define VEC_H

#include <stdbool.h>
#include <stddef.h>

/* The elements are data[0..len); cap is how many fit in data before it must
 * grow (len <= cap). An empty vec is all zeros and holds no memory:
 * struct vec v = VEC_INIT; ... vec_release(&v); */
struct vec {
	int *data;
	size_t len;
	size_t cap;
};

#define VEC_INIT { NULL, 0, 0 }

/* Appends x and returns true; returns false, with v unchanged, when memory
 * runs out. Target: amortised O(1), so n pushes cost O(n) in all; while n
 * elements are pushed the heap never holds more than 12*n + 16 KiB bytes
 * (this counts the moment of growing, when old and new arrays both exist). */
bool vec_push(struct vec *v, int x);

/* Removes the last element, stores it in *out and returns true; returns
 * false, leaving *out alone, when v is empty. O(1); need not shrink data. */
bool vec_pop(struct vec *v, int *out);

/* Frees what v holds and leaves it empty (as VEC_INIT), ready for reuse. */
void vec_release(struct vec *v);

#endif
