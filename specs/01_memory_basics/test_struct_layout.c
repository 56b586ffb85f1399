/* test_struct_layout.c - correctness of struct_layout, checked against what
 * the compiler itself does with real structs */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdlib.h>
#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "struct_layout.h"

#include "test_heap.h"
#include "test_random.h"

#define FIELD(type) { sizeof(type), alignof(type) }
#define UNSET ((size_t)-1)

/* Lays out a copy of fields and checks offsets, size and that the copy is
 * unchanged; the heap the call holds is held to the budget (none) at n,
 * the number of members (the benchmark's n: test_heap.h). */
static void check(const char *what, const struct field *fields, size_t n,
		  const size_t *want_offsets, size_t want_size)
{
	struct field copy[32];
	size_t offsets[32];

	cr_assert(n <= 32);
	memcpy(copy, fields, n * sizeof(*copy));
	for (size_t i = 0; i < 32; i++)
		offsets[i] = UNSET;
	heap_input(n);
	size_t got = struct_layout(copy, n, offsets);
	heap_input_done();
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(offsets[i], want_offsets[i], "%s: expected member %zu at offset %zu, got %zu",
			     what, i, want_offsets[i], offsets[i]);
		cr_assert(copy[i].size == fields[i].size && copy[i].align == fields[i].align,
			  "%s: struct_layout modified fields[%zu]", what, i);
	}
	cr_assert_eq(got, want_size, "%s: expected size %zu, got %zu", what, want_size, got);
}

Test(struct_layout, single_member_and_empty)
{
	struct field d[] = { FIELD(double) };
	size_t off[] = { 0 };
	check("struct { double d; }", d, 1, off, sizeof(double));
	size_t none = UNSET;
	heap_input(0);
	size_t got = struct_layout(d, 0, &none);
	heap_input_done();
	cr_assert_eq(got, 0, "expected size 0 for no members, got %zu", got);
	cr_assert_eq(none, UNSET, "expected nothing stored for no members, got offsets[0] = %zu", none);
}

Test(struct_layout, char_double_char)
{
	struct s { char a; double b; char c; };
	struct field f[] = { FIELD(char), FIELD(double), FIELD(char) };
	size_t off[] = { offsetof(struct s, a), offsetof(struct s, b), offsetof(struct s, c) };
	check("struct { char; double; char; }", f, 3, off, sizeof(struct s));
}

Test(struct_layout, trailing_padding)
{
	struct s { int a; char b; };
	struct field f[] = { FIELD(int), FIELD(char) };
	size_t off[] = { offsetof(struct s, a), offsetof(struct s, b) };
	check("struct { int; char; }", f, 2, off, sizeof(struct s));
}

Test(struct_layout, no_padding_needed)
{
	struct s { double a; int b; short c; char d; char e; };
	struct field f[] = { FIELD(double), FIELD(int), FIELD(short), FIELD(char), FIELD(char) };
	size_t off[] = { offsetof(struct s, a), offsetof(struct s, b), offsetof(struct s, c),
			 offsetof(struct s, d), offsetof(struct s, e) };
	check("struct { double; int; short; char; char; }", f, 5, off, sizeof(struct s));
}

Test(struct_layout, mixed_scalars)
{
	struct s { char a; short b; char c; int d; char e; long long f; short g; void *h; char i; };
	struct field f[] = { FIELD(char), FIELD(short), FIELD(char), FIELD(int), FIELD(char),
			     FIELD(long long), FIELD(short), FIELD(void *), FIELD(char) };
	size_t off[] = { offsetof(struct s, a), offsetof(struct s, b), offsetof(struct s, c),
			 offsetof(struct s, d), offsetof(struct s, e), offsetof(struct s, f),
			 offsetof(struct s, g), offsetof(struct s, h), offsetof(struct s, i) };
	check("struct { char; short; char; int; char; long long; short; void *; char; }",
	      f, 9, off, sizeof(struct s));
}

Test(struct_layout, arrays_and_nested_structs)
{
	struct inner { char x; int y; };
	struct s { char a[3]; struct inner b; char c; short d[3]; double e; char f[5]; };
	struct field f[] = { FIELD(char[3]), FIELD(struct inner), FIELD(char), FIELD(short[3]),
			     FIELD(double), FIELD(char[5]) };
	size_t off[] = { offsetof(struct s, a), offsetof(struct s, b), offsetof(struct s, c),
			 offsetof(struct s, d), offsetof(struct s, e), offsetof(struct s, f) };
	check("struct { char[3]; struct { char; int; }; char; short[3]; double; char[5]; }",
	      f, 6, off, sizeof(struct s));
}

Test(struct_layout, widest_alignment)
{
	struct s { char a; max_align_t b; char c; };
	struct field f[] = { FIELD(char), FIELD(max_align_t), FIELD(char) };
	size_t off[] = { offsetof(struct s, a), offsetof(struct s, b), offsetof(struct s, c) };
	check("struct { char; max_align_t; char; }", f, 3, off, sizeof(struct s));
}

Test(struct_layout, over_aligned_members)
{
	/* As _Alignas(64) char[64] would give: a cache line per member. */
	struct field f[] = { { 1, 1 }, { 64, 64 }, { 2, 2 }, { 128, 64 }, { 4, 4 } };
	size_t off[] = { 0, 64, 128, 192, 320 };
	check("{1,1} {64,64} {2,2} {128,64} {4,4}", f, 5, off, 384);
}

Test(struct_layout, many_members)
{
	struct field f[32];
	size_t off[32], end = 0;
	for (size_t i = 0; i < 32; i++) {
		size_t align = (size_t)1 << (i * 7 % 5);
		f[i].align = align;
		f[i].size = align * (1 + i % 3);
		off[i] = (end + align - 1) / align * align;
		end = off[i] + f[i].size;
	}
	/* the largest alignment above is 16 */
	check("32 members of alignments 1 to 16", f, 32, off, (end + 15) / 16 * 16);
}

/* 0 to 40 members of alignments 1 to 64 and sizes 1 to 5 times that, laid
 * out by a loop written here. */
Test(struct_layout, random_against_oracle)
{
	uint64_t seed = rnd_seed();
	for (int round = 0; round < 300; round++) {
		size_t n = rnd_len(40), offsets[41], at = 0, max_align = 1;
		struct field f[41];
		for (size_t i = 0; i < n; i++) {
			f[i].align = (size_t)1 << (rnd() % 7);
			f[i].size = f[i].align * (1 + (size_t)(rnd() % 5));
		}
		heap_input(n);
		size_t got = struct_layout(f, n, offsets);
		heap_input_done();
		for (size_t i = 0; i < n; i++) {
			at = (at + f[i].align - 1) / f[i].align * f[i].align;
			cr_assert_eq(offsets[i], at, "random case %d (seed %llu): n = %zu: expected member %zu at offset %zu, got %zu",
				     round, (unsigned long long)seed, n, i, at, offsets[i]);
			at += f[i].size;
			max_align = f[i].align > max_align ? f[i].align : max_align;
		}
		size_t want = n ? (at + max_align - 1) / max_align * max_align : 0;
		cr_assert_eq(got, want, "random case %d (seed %llu): n = %zu: expected size %zu, got %zu",
			     round, (unsigned long long)seed, n, want, got);
	}
}
