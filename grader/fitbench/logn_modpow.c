/* logn_modpow.c - fitbench entry: x^n mod p by repeated squaring, for 16
 * bases
 *
 * class: O(log n)
 * sizes: 1024..1099511627776 x4
 * exact sizes: yes (see below)
 *
 * n is the exponent, not an array length: one squaring per bit of n, and
 * sizes up to 2^40 cost nothing to set up. Its cost also follows how many
 * bits of n are set: at sizes moved off powers of two (as graded code's
 * are) that count jumps from size to size and the growth reads as none at
 * all (measured on 2026-12-04: "about n^-0.04", a claim of O(1) passed).
 * Run at the powers of two it measures log n alone.
 */
#include "bench.h"

#define BASES 16
#define MODULUS 1000000007u

static uint64_t modpow(uint64_t x, uint64_t e)
{
	uint64_t r = 1;

	x %= MODULUS;
	while (e) {
		if (e & 1)
			r = r * x % MODULUS;
		x = x * x % MODULUS;
		e >>= 1;
	}
	return r;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	uint64_t *bases = bench_alloc(BASES * sizeof(*bases));
	(void)n;
	for (int i = 0; i < BASES; i++)
		bases[i] = 2 + bench_rand(rng) % (MODULUS - 3);
	return bases;
}

void bench_run(void *input, size_t n)
{
	const uint64_t *bases = input;
	uint64_t sum = 0;
	for (int i = 0; i < BASES; i++)
		sum += modpow(bases[i], n);
	bench_sink(sum);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
