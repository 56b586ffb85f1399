/* test_record_clone.c - correctness of record_clone: a deep copy, sharing
 * nothing with the original */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "record_clone.h"

#include "test_heap.h"
#include "test_random.h"

/* A record on the heap, as a caller would build one. */
static struct record *make(const char *name, const int *scores, size_t n)
{
	struct record *r = malloc(sizeof(*r));
	cr_assert_not_null(r);
	r->name = malloc(strlen(name) + 1);
	cr_assert_not_null(r->name);
	strcpy(r->name, name);
	r->nscores = n;
	r->scores = NULL;
	if (n) {
		r->scores = malloc(n * sizeof(int));
		cr_assert_not_null(r->scores);
		memcpy(r->scores, scores, n * sizeof(int));
	}
	return r;
}

static void unmake(struct record *r)
{
	free(r->name);
	free(r->scores);
	free(r);
}

/* Frees r with record_free, a call of the code under test too: the heap
 * it holds is held to the budget at the n of the record it frees. */
static void release(struct record *r)
{
	heap_input(r ? r->nscores : 0);
	record_free(r);
	heap_input_done();
}

/* Clones r and checks that the copy holds the same values in blocks of its
 * own, and that r is unchanged. The heap the call holds (the copy it
 * returns included) is held to the budget at n = r->nscores (the
 * benchmark's n: test_heap.h); the copy is checked, and changed, before
 * it is freed, so record_free is a call of its own (release). */
static struct record *clone_checked(const struct record *r)
{
	char *name = r->name;
	int *scores = r->scores;
	size_t n = r->nscores;

	heap_input(n);
	struct record *c = record_clone(r);
	heap_input_done();
	cr_assert_not_null(c, "record_clone(\"%s\"): expected a copy, got NULL", r->name);
	cr_assert(r->name == name && r->scores == scores && r->nscores == n,
		  "record_clone modified the original record");
	cr_assert_neq((void *)c, (void *)r, "expected a new record, got the original's address");
	cr_assert_neq(c->name, r->name,
		      "expected the copy's name in a block of its own, got the original's pointer (a shallow copy)");
	cr_assert_str_eq(c->name, r->name, "expected name \"%s\", got \"%s\"", r->name, c->name);
	cr_assert_eq(c->nscores, n, "expected nscores %zu, got %zu", n, c->nscores);
	if (n == 0) {
		cr_assert_null(c->scores, "expected scores NULL for nscores 0, got %p", (void *)c->scores);
		return c;
	}
	cr_assert_neq(c->scores, r->scores,
		      "expected the copy's scores in a block of their own, got the original's pointer (a shallow copy)");
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(c->scores[i], r->scores[i], "expected scores[%zu] = %d, got %d",
			     i, r->scores[i], c->scores[i]);
	return c;
}

Test(record_clone, copies_the_values)
{
	int s[] = { 90, 75, 60 };
	struct record *r = make("ada", s, 3);
	struct record *c = clone_checked(r);
	release(c);
	unmake(r);
}

Test(record_clone, no_scores)
{
	struct record *r = make("nobody", NULL, 0);
	struct record *c = clone_checked(r);
	release(c);
	unmake(r);
}

Test(record_clone, empty_name)
{
	int s[] = { -1 };
	struct record *r = make("", s, 1);
	struct record *c = clone_checked(r);
	release(c);
	unmake(r);
}

Test(record_clone, changing_the_copy_leaves_the_original)
{
	int s[] = { 1, 2, 3, 4 };
	struct record *r = make("grace", s, 4);
	struct record *c = clone_checked(r);
	c->name[0] = 'G';
	c->scores[2] = 300;
	cr_assert_str_eq(r->name, "grace", "expected the original name \"grace\" after changing the copy's, got \"%s\"",
			 r->name);
	cr_assert_eq(r->scores[2], 3, "expected the original scores[2] = 3 after changing the copy's, got %d",
		     r->scores[2]);
	release(c);
	unmake(r);
}

Test(record_clone, changing_the_original_leaves_the_copy)
{
	int s[] = { 5, 6 };
	struct record *r = make("linus", s, 2);
	struct record *c = clone_checked(r);
	r->name[0] = 'L';
	r->scores[0] = -5;
	cr_assert_str_eq(c->name, "linus", "expected the copy's name \"linus\" after changing the original's, got \"%s\"",
			 c->name);
	cr_assert_eq(c->scores[0], 5, "expected the copy's scores[0] = 5 after changing the original's, got %d",
		     c->scores[0]);
	release(c);
	unmake(r);
}

Test(record_clone, copy_outlives_the_original)
{
	int s[] = { 11, 22, 33 };
	struct record *r = make("dennis", s, 3);
	struct record *c = clone_checked(r);
	unmake(r);
	/* What the original held is gone; new blocks may now reuse its memory. */
	char *filler1 = malloc(7), *filler2 = malloc(3 * sizeof(int));
	cr_assert(filler1 && filler2);
	memset(filler1, 'x', 7);
	memset(filler2, 0x55, 3 * sizeof(int));
	cr_assert_str_eq(c->name, "dennis", "expected the copy's name \"dennis\" after freeing the original, got \"%s\"",
			 c->name);
	cr_assert_eq(c->scores[1], 22, "expected the copy's scores[1] = 22 after freeing the original, got %d",
		     c->scores[1]);
	free(filler1);
	free(filler2);
	release(c);
}

Test(record_clone, clone_of_a_clone)
{
	int s[100];
	for (int i = 0; i < 100; i++)
		s[i] = i * i - 50;
	struct record *r = make("a rather longer name, to be copied twice", s, 100);
	struct record *c = clone_checked(r);
	struct record *cc = clone_checked(c);
	release(c);
	cr_assert_str_eq(cc->name, r->name, "expected the second copy to survive freeing the first");
	cr_assert_eq(cc->scores[99], s[99], "expected scores[99] = %d in the second copy, got %d",
		     s[99], cc->scores[99]);
	release(cc);
	unmake(r);
}

Test(record_clone, free_null_is_fine)
{
	int s[] = { 1 };
	release(NULL);
	struct record *r = make("x", s, 1);
	struct record *c = clone_checked(r);
	release(c);
	unmake(r);
}

/* Names of 0 to 40 letters, 0 to 300 scores of any value: the copy equals
 * the original in blocks of its own, and outlives it. */
Test(record_clone, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 200; round++) {
		size_t n = rnd_len(300), nlen = (size_t)(rnd() % 41);
		char name[41];
		int *scores = malloc((n ? n : 1) * sizeof(int));
		cr_assert_not_null(scores);
		for (size_t i = 0; i < nlen; i++)
			name[i] = (char)('a' + rnd() % 26);
		name[nlen] = '\0';
		for (size_t i = 0; i < n; i++)
			scores[i] = rnd_value();
		struct record *r = make(name, scores, n);
		heap_input(n);
		struct record *c = record_clone(r);
		heap_input_done();
		cr_assert_not_null(c, "random case %d (seed %llu): got NULL", round, (unsigned long long)seed);
		cr_assert(c != r && c->name != r->name && (!n || c->scores != r->scores),
			  "random case %d (seed %llu): the copy shares a block with the original", round, (unsigned long long)seed);
		release(r);
		cr_assert(!strcmp(c->name, name) && c->nscores == n && (!n || !memcmp(c->scores, scores, n * sizeof(int))),
			  "random case %d (seed %llu): name of %zu letters, %zu scores: the copy differs from the original",
			  round, (unsigned long long)seed, nlen, n);
		release(c);
		free(scores);
	}
}
