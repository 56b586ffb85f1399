/* lru.h - topic 06: a least-recently-used cache with O(1) operations */
#ifndef LRU_H
#define LRU_H

#include <stdbool.h>
#include <stddef.h>

/* A cache of at most capacity int keys with an int value each. A pair is
 * used when it is put or got; when the cache is full, putting a new key
 * first evicts the pair whose last use is the oldest. You define the
 * struct in lru.c. */
struct lru;

/* A new empty cache for capacity pairs, freed with lru_free(). Returns NULL
 * when capacity is 0 or when out of memory.
 * Target for all the functions: O(1) time per call (on average), whatever
 * the capacity; O(capacity) heap, at most 64 bytes per pair of capacity
 * plus 64 KiB; everything freed by lru_free(). */
struct lru *lru_new(size_t capacity);

/* Frees c and everything it holds. Does nothing when c is NULL. */
void lru_free(struct lru *c);

/* When key is in c: stores its value in *value, makes it the most recently
 * used pair and returns true. Otherwise returns false and leaves *value
 * as it was. */
bool lru_get(struct lru *c, int key, int *value);

/* Sets key's value to value and makes it the most recently used pair; when
 * key is not in c and c is full, first evicts the least recently used
 * pair. Returns true, or false with c unchanged when out of memory. */
bool lru_put(struct lru *c, int key, int value);

/* The number of pairs in c: at most its capacity. */
size_t lru_len(const struct lru *c);

#endif
