/* test_lru.c - correctness of the LRU cache, against a simple model */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdlib.h>

#include "lru.h"

#include "test_heap.h"
#include "test_random.h"

/* The benchmark's cache has capacity n/2: the heap a cache holds, from
 * before it is made to after free_cache, is held to the budget at
 * n = 2 * capacity (test_heap.h). */
static struct lru *new_checked(size_t capacity)
{
	heap_input(2 * capacity);
	struct lru *c = lru_new(capacity);
	cr_assert_not_null(c, "lru_new(%zu): expected a cache, got NULL", capacity);
	cr_assert_eq(lru_len(c), 0, "lru_new(%zu): expected an empty cache, got lru_len %zu",
		     capacity, lru_len(c));
	return c;
}

static void free_cache(struct lru *c)
{
	lru_free(c);
	heap_input_done();
}

static void put(struct lru *c, int key, int value)
{
	cr_assert(lru_put(c, key, value), "lru_put(%d, %d): expected true, got false", key, value);
}

static void expect_hit(struct lru *c, int key, int want)
{
	int got = -424242;
	cr_assert(lru_get(c, key, &got), "lru_get(%d): expected a hit with %d, got a miss", key, want);
	cr_assert_eq(got, want, "lru_get(%d): expected value %d, got %d", key, want, got);
}

static void expect_miss(struct lru *c, int key)
{
	int got = -424242;
	cr_assert(!lru_get(c, key, &got), "lru_get(%d): expected a miss, got a hit with %d", key, got);
	cr_assert_eq(got, -424242, "lru_get(%d): expected *value untouched on a miss, got %d", key, got);
}

Test(lru, put_then_get)
{
	struct lru *c = new_checked(4);
	expect_miss(c, 1);
	put(c, 1, 100);
	put(c, 2, 200);
	expect_hit(c, 1, 100);
	expect_hit(c, 2, 200);
	expect_miss(c, 3);
	cr_assert_eq(lru_len(c), 2, "expected lru_len 2 after two puts, got %zu", lru_len(c));
	free_cache(c);
}

Test(lru, capacity_zero_and_free_null)
{
	heap_input(0);
	struct lru *none = lru_new(0);
	lru_free(NULL);
	heap_input_done();
	cr_assert_null(none, "lru_new(0): expected NULL");
	struct lru *c = new_checked(1);
	put(c, 0, 0);
	expect_hit(c, 0, 0);
	free_cache(c);
}

Test(lru, put_updates_existing_key)
{
	struct lru *c = new_checked(2);
	put(c, 7, 1);
	put(c, 7, 2);
	expect_hit(c, 7, 2);
	cr_assert_eq(lru_len(c), 1, "expected lru_len 1 after putting the same key twice, got %zu", lru_len(c));
	free_cache(c);
}

Test(lru, evicts_least_recently_put)
{
	struct lru *c = new_checked(3);
	put(c, 1, 10);
	put(c, 2, 20);
	put(c, 3, 30);
	put(c, 4, 40);
	cr_assert_eq(lru_len(c), 3, "expected lru_len 3 (the capacity), got %zu", lru_len(c));
	expect_miss(c, 1);
	expect_hit(c, 2, 20);
	expect_hit(c, 3, 30);
	expect_hit(c, 4, 40);
	free_cache(c);
}

Test(lru, get_makes_a_key_recent)
{
	struct lru *c = new_checked(3);
	put(c, 1, 10);
	put(c, 2, 20);
	put(c, 3, 30);
	expect_hit(c, 1, 10); /* now 2 is the oldest */
	put(c, 4, 40);
	expect_miss(c, 2);
	expect_hit(c, 1, 10);
	expect_hit(c, 3, 30);
	expect_hit(c, 4, 40);
	free_cache(c);
}

Test(lru, put_makes_a_key_recent)
{
	struct lru *c = new_checked(2);
	put(c, 1, 10);
	put(c, 2, 20);
	put(c, 1, 11); /* now 2 is the oldest */
	put(c, 3, 30);
	expect_miss(c, 2);
	expect_hit(c, 1, 11);
	expect_hit(c, 3, 30);
	free_cache(c);
}

Test(lru, a_miss_changes_nothing)
{
	struct lru *c = new_checked(2);
	put(c, 1, 10);
	put(c, 2, 20);
	expect_miss(c, 3); /* 1 stays the oldest */
	put(c, 4, 40);
	expect_miss(c, 1);
	expect_hit(c, 2, 20);
	free_cache(c);
}

Test(lru, capacity_one)
{
	struct lru *c = new_checked(1);
	put(c, 5, 50);
	put(c, 6, 60);
	expect_miss(c, 5);
	expect_hit(c, 6, 60);
	cr_assert_eq(lru_len(c), 1, "expected lru_len 1, got %zu", lru_len(c));
	free_cache(c);
}

Test(lru, negative_and_extreme_keys)
{
	struct lru *c = new_checked(8);
	int keys[] = { -1, 0, 1, 2147483647, -2147483647 - 1, 65536, -65536, 1 << 20 };
	for (int i = 0; i < 8; i++)
		put(c, keys[i], i);
	for (int i = 0; i < 8; i++)
		expect_hit(c, keys[i], i);
	free_cache(c);
}

/* A model of the cache: keys in order of use, oldest first, linear scans. */
struct model {
	int *key, *value;
	size_t len, cap;
};

static int model_find(const struct model *m, int key)
{
	for (size_t i = 0; i < m->len; i++)
		if (m->key[i] == key)
			return (int)i;
	return -1;
}

static void model_touch(struct model *m, size_t i, int value)
{
	int key = m->key[i];
	for (; i + 1 < m->len; i++) {
		m->key[i] = m->key[i + 1];
		m->value[i] = m->value[i + 1];
	}
	m->key[m->len - 1] = key;
	m->value[m->len - 1] = value;
}

Test(lru, random_operations_against_a_model, .timeout = 10)
{
	size_t cap = 50;
	struct model m = { malloc(cap * sizeof(int)), malloc(cap * sizeof(int)), 0, cap };
	cr_assert(m.key && m.value);
	struct lru *c = new_checked(cap);
	unsigned x = 2024;
	for (int op = 0; op < 100000; op++) {
		x = x * 1103515245u + 12345u;
		int key = (int)((x >> 8) % 120) - 20;
		int i = model_find(&m, key);
		if ((x >> 4) & 1) {
			if (i >= 0) {
				expect_hit(c, key, m.value[i]);
				model_touch(&m, (size_t)i, m.value[i]);
			} else {
				expect_miss(c, key);
			}
		} else {
			int value = (int)(x >> 12);
			put(c, key, value);
			if (i >= 0) {
				model_touch(&m, (size_t)i, value);
			} else if (m.len < cap) {
				m.key[m.len] = key;
				m.value[m.len++] = value;
			} else {
				model_touch(&m, 0, value);
				m.key[cap - 1] = key;
			}
		}
		cr_assert_eq(lru_len(c), m.len, "after %d operations: expected lru_len %zu, got %zu",
			     op + 1, m.len, lru_len(c));
	}
	free_cache(c);
	free(m.key);
	free(m.value);
}

/* Capacities 1 to 40 and random gets and puts of keys from a narrow range
 * or with the extremes, against the model above; the seed is new each
 * run. */
Test(lru, random_against_oracle, .timeout = 10)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 30; round++) {
		size_t cap = 1 + (size_t)(rnd() % 40);
		int span = 1 + (int)(rnd() % (3 * cap + 2));
		struct model m = { malloc(cap * sizeof(int)), malloc(cap * sizeof(int)), 0, cap };
		struct lru *c = new_checked(cap);
		cr_assert(m.key && m.value);
		for (int op = 0; op < 1000; op++) {
			int key = rnd() % 8 == 0 ? (rnd() % 2 ? INT_MIN : INT_MAX) : (int)(rnd() % (unsigned)span) - span / 2;
			int i = model_find(&m, key), value = rnd_value(), got = 77;
			if (rnd() % 2) {
				bool hit = lru_get(c, key, &got);
				cr_assert(hit == (i >= 0) && (!hit || got == m.value[i]),
					  "random case %d (seed %llu), capacity %zu, operation %d: get(%d) expected %s %d, got %s %d",
					  round, (unsigned long long)seed, cap, op, key, i >= 0 ? "hit" : "miss",
					  i >= 0 ? m.value[i] : 0, hit ? "hit" : "miss", got);
				if (i >= 0)
					model_touch(&m, (size_t)i, m.value[i]);
			} else {
				cr_assert(lru_put(c, key, value), "random case %d (seed %llu): put failed", round,
					  (unsigned long long)seed);
				if (i >= 0) {
					model_touch(&m, (size_t)i, value);
				} else if (m.len < cap) {
					m.key[m.len] = key;
					m.value[m.len++] = value;
				} else {
					model_touch(&m, 0, value);
					m.key[cap - 1] = key;
				}
			}
			cr_assert_eq(lru_len(c), m.len, "random case %d (seed %llu), operation %d: expected lru_len %zu, got %zu",
				     round, (unsigned long long)seed, op, m.len, lru_len(c));
		}
		free_cache(c);
		free(m.key);
		free(m.value);
	}
}
