/* test_pack_order.c - correctness of pack_order: a permutation, and the
 * smallest struct that the members can make */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdint.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pack_order.h"

#include "test_heap.h"
#include "test_random.h"

#define FIELD(type) { sizeof(type), alignof(type) }
#define UNSET ((size_t)-1)

/* The size of the struct laid out in the given order. */
static size_t layout_size(const struct field *f, const size_t *order, size_t n)
{
	size_t end = 0, max_align = 1;
	for (size_t k = 0; k < n; k++) {
		const struct field *m = &f[order[k]];
		end = (end + m->align - 1) / m->align * m->align + m->size;
		if (m->align > max_align)
			max_align = m->align;
	}
	return n ? (end + max_align - 1) / max_align * max_align : 0;
}

/* Runs pack_order on a copy of f and checks the order is a permutation
 * that gives want_size, that the returned size is that size, and that the
 * copy is unchanged; the heap the call holds is held to the budget at n,
 * the number of members (the benchmark's n: test_heap.h). */
static void check(const char *what, const struct field *f, size_t n, size_t want_size)
{
	struct field *copy = malloc((n + 1) * sizeof(*copy));
	size_t *order = malloc((n + 1) * sizeof(*order));
	bool *seen = calloc(n + 1, sizeof(*seen));
	cr_assert(copy && order && seen);
	memcpy(copy, f, n * sizeof(*copy));
	for (size_t i = 0; i <= n; i++)
		order[i] = UNSET;

	heap_input(n);
	size_t got = pack_order(copy, n, order);
	heap_input_done();
	for (size_t k = 0; k < n; k++) {
		cr_assert_lt(order[k], n, "%s: expected an index below %zu in order[%zu], got %zu",
			     what, n, k, order[k]);
		cr_assert(!seen[order[k]], "%s: index %zu appears twice in order", what, order[k]);
		seen[order[k]] = true;
		cr_assert(copy[k].size == f[k].size && copy[k].align == f[k].align,
			  "%s: pack_order modified fields[%zu]", what, k);
	}
	cr_assert_eq(order[n], UNSET, "%s: pack_order wrote past order[%zu]", what, n - 1);
	size_t laid = layout_size(f, order, n);
	cr_assert_eq(laid, want_size, "%s: expected an order of size %zu, got one of size %zu",
		     what, want_size, laid);
	cr_assert_eq(got, want_size, "%s: expected %zu returned, got %zu", what, want_size, got);
	free(copy);
	free(order);
	free(seen);
}

Test(pack_order, one_member_and_empty)
{
	struct field f[] = { FIELD(int) };
	check("{ int }", f, 1, sizeof(int));
	size_t none = UNSET;
	heap_input(0);
	size_t got = pack_order(f, 0, &none);
	heap_input_done();
	cr_assert_eq(got, 0, "expected 0 for no members, got %zu", got);
	cr_assert_eq(none, UNSET, "expected nothing stored for no members, got order[0] = %zu", none);
}

Test(pack_order, char_double_char)
{
	struct packed { double b; char a, c; };
	struct field f[] = { FIELD(char), FIELD(double), FIELD(char) };
	check("{ char, double, char }", f, 3, sizeof(struct packed));
}

Test(pack_order, tail_padding_counts)
{
	struct field f[] = { FIELD(char), FIELD(long long), FIELD(short) };
	check("{ char, long long, short }", f, 3, 16);
}

Test(pack_order, already_packed_stays_small)
{
	struct field f[] = { FIELD(double), FIELD(int), FIELD(short), FIELD(char), FIELD(char) };
	check("{ double, int, short, char, char }", f, 5, 16);
}

Test(pack_order, worst_declared_order)
{
	struct field f[] = { FIELD(char), FIELD(double), FIELD(char), FIELD(int), FIELD(char),
			     FIELD(short), FIELD(char), FIELD(void *) };
	/* 8 + 8 + 4 + 2 + 4 * 1 = 26, padded to 32, instead of 40 as declared */
	check("{ char, double, char, int, char, short, char, void * }", f, 8, 32);
}

Test(pack_order, arrays_and_wide_alignments)
{
	struct field f[] = { { 3, 1 }, { 64, 64 }, { 6, 2 }, { 16, 16 }, { 12, 4 }, { 1, 1 } };
	/* 64 + 16 + 12 + 6 + 3 + 1 = 102, padded to 128 */
	check("{ char[3], 64-aligned, short[3], 16-aligned, int[3], char }", f, 6, 128);
}

Test(pack_order, all_same_alignment)
{
	struct field f[] = { { 4, 4 }, { 8, 4 }, { 12, 4 }, { 4, 4 } };
	check("four int-aligned members", f, 4, 28);
}

Test(pack_order, many_members)
{
	size_t n = 1000, total = 0;
	struct field *f = malloc(n * sizeof(*f));
	cr_assert_not_null(f);
	for (size_t i = 0; i < n; i++) {
		f[i].align = (size_t)1 << (i * 7 % 5);
		f[i].size = f[i].align * (1 + i % 3);
		total += f[i].size;
	}
	check("1000 members of alignments 1 to 16", f, n, (total + 15) / 16 * 16);
	free(f);
}

/* 0 to 60 members of alignments 1 to 64 and sizes 1 to 5 times that: the
 * order must be a permutation, lay out to the size returned, and that size
 * must be the smallest (the sum of the sizes rounded up to the largest
 * alignment: falling alignments need no padding but the tail's). */
Test(pack_order, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 300; round++) {
		size_t n = rnd_len(60), order[61], sum = 0, max_align = 1, at = 0;
		struct field f[61];
		bool seen[61] = { false };
		for (size_t i = 0; i < n; i++) {
			f[i].align = (size_t)1 << (rnd() % 7);
			f[i].size = f[i].align * (1 + (size_t)(rnd() % 5));
			sum += f[i].size;
			max_align = f[i].align > max_align ? f[i].align : max_align;
		}
		size_t want = n ? (sum + max_align - 1) / max_align * max_align : 0;
		heap_input(n);
		size_t got = pack_order(f, n, order);
		heap_input_done();
		for (size_t i = 0; i < n; i++) {
			size_t k = order[i];
			cr_assert(k < n && !seen[k], "random case %d (seed %llu): n = %zu: order[%zu] = %zu is not a new index",
				  round, (unsigned long long)seed, n, i, k);
			seen[k] = true;
			at = (at + f[k].align - 1) / f[k].align * f[k].align + f[k].size;
		}
		at = n ? (at + max_align - 1) / max_align * max_align : 0;
		cr_assert_eq(got, want, "random case %d (seed %llu): n = %zu: expected the smallest size %zu, got %zu",
			     round, (unsigned long long)seed, n, want, got);
		cr_assert_eq(at, got, "random case %d (seed %llu): n = %zu: the order lays out to %zu bytes, not %zu",
			     round, (unsigned long long)seed, n, at, got);
	}
}
