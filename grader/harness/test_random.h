/* test_random.h - randomised cases for the course's Criterion tests
 *
 * Each exercise's tests add cases checked against an oracle written in the
 * test, so that no position or value is the only one ever tried. The
 * grader copies this header beside the course's tests (as it does
 * bench.h for the drivers); a test file includes it after its own
 * includes. The seed is fixed, so a grading's report is the same every
 * time; print rnd_seed()'s value in every failure, and TEST_SEED=N in the
 * environment tries another.
 */
#ifndef TEST_RANDOM_H
#define TEST_RANDOM_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

static uint64_t rnd_state;

static inline uint64_t rnd_seed(void)
{
	const char *s = getenv("TEST_SEED");
	rnd_state = s && *s ? strtoull(s, NULL, 10) : 20261203;
	return rnd_state;
}

static inline uint64_t rnd(void)
{
	uint64_t z = (rnd_state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Any int, the extremes and small values (repeats) more often than chance. */
static inline int rnd_value(void)
{
	switch (rnd() % 8) {
	case 0:
		return INT_MIN + (int)(rnd() % 2);
	case 1:
		return INT_MAX - (int)(rnd() % 2);
	case 2:
	case 3:
		return (int)(rnd() % 17) - 8;
	default:
		return (int)(uint32_t)rnd();
	}
}

/* A length: often tiny (0, 1, 2), up to max. */
static inline size_t rnd_len(size_t max)
{
	return rnd() % 6 == 0 ? (size_t)(rnd() % 3) : (size_t)(rnd() % (max + 1));
}

#endif
