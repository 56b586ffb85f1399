/* bench_record_clone.c - benchmark driver: a record of n scores and a
 * 31-character name, cloned, then the clone freed */
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

void bench_run(void *input, size_t n)
{
	struct record *c = record_clone(input);
	if (c && n)
		bench_sink((uint64_t)c->scores[n - 1] + (uint64_t)c->name[0]);
	record_free(c);
}

void bench_teardown(void *input, size_t n)
{
	struct record *r = input;
	(void)n;
	bench_release(r->name);
	bench_release(r->scores);
	bench_release(r);
}
