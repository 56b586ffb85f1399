/* bench_record_clone.c - benchmark driver: a record of n scores and a
 * 31-character name, cloned, then the clone freed */
#include <string.h>

#include "bench.h"
#include "record_clone.h"

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct record *r = bench_alloc(sizeof(*r));
	r->name = bench_alloc(32);
	for (size_t i = 0; i < 31; i++)
		r->name[i] = (char)bench_rand_int(rng, 'a', 'z');
	r->name[31] = '\0';
	r->nscores = n;
	r->scores = n ? bench_alloc(n * sizeof(int)) : NULL;
	for (size_t i = 0; i < n; i++)
		r->scores[i] = bench_rand_int(rng, 0, 100);
	return r;
}

static struct record *clone;

/* The clone is freed here, outside the measured call, right or wrong. */
void bench_run(void *input, size_t n)
{
	clone = record_clone(input);
	if (clone && n)
		bench_sink((uint64_t)clone->scores[n - 1] + (uint64_t)clone->name[0]);
}

const char *bench_check(void *input, size_t n)
{
	const struct record *r = input;
	struct record *c = clone;
	const char *wrong = NULL;
	clone = NULL;
	if (!c)
		return "expected a copy, got NULL";
	if (!c->name || c->name == r->name || strcmp(c->name, r->name))
		wrong = "expected a copy of the name in a block of its own";
	else if (c->nscores != n || (n && (!c->scores || c->scores == r->scores ||
					   memcmp(c->scores, r->scores, n * sizeof(int)))))
		wrong = bench_expect("expected a copy of the %zu scores in a block of its own", n);
	record_free(c);
	return wrong;
}

void bench_teardown(void *input, size_t n)
{
	struct record *r = input;
	(void)n;
	bench_release(r->name);
	bench_release(r->scores);
	bench_release(r);
}
