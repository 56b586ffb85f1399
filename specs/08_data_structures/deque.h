/* deque.h - topic 08: a double-ended queue of ints in a ring buffer */
#ifndef DEQUE_H
#define DEQUE_H

#include <stdbool.h>
#include <stddef.h>

/* A sequence of ints that grows and shrinks at both ends. Memory target:
 * while it holds up to n elements, the heap never holds more than
 * 12*n + 16 KiB bytes (this counts the moment of growing, when old and new
 * storage both exist). */
struct deque;

/* A new empty deque, or NULL when memory runs out. Free it with deque_free. */
struct deque *deque_new(void);

/* Frees d and all that it holds. NULL is allowed and does nothing. */
void deque_free(struct deque *d);

/* Puts x before the first element (push_front) or after the last one
 * (push_back) and returns true; returns false, with d unchanged, when memory
 * runs out. Target: amortised O(1) each, whatever the mix of ends. */
bool deque_push_front(struct deque *d, int x);
bool deque_push_back(struct deque *d, int x);

/* Removes the first (pop_front) or last (pop_back) element, stores it in
 * *out and returns true; returns false, leaving *out alone, when d is empty.
 * Target: O(1) each. */
bool deque_pop_front(struct deque *d, int *out);
bool deque_pop_back(struct deque *d, int *out);

/* The number of elements in d. O(1). */
size_t deque_len(const struct deque *d);

/* The element at position i, counted from the front (0 is the first).
 * i must be less than deque_len(d). O(1). */
int deque_at(const struct deque *d, size_t i);

#endif
