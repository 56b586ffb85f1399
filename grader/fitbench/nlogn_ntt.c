/* nlogn_ntt.c - fitbench entry: number-theoretic transform of n values
 * modulo 998244353 (an FFT in integers)
 *
 * class: O(n log n)
 * sizes: 1024..262144 x2
 * exact sizes: yes (a power of two each)
 *
 * Iterative radix-2: a bit-reversal permutation, then log n passes of n/2
 * butterflies, each a modular multiplication; strides double at each pass.
 */
#include "bench.h"

#define MOD 998244353u
#define ROOT 3u

static uint64_t power(uint64_t x, uint64_t e)
{
	uint64_t r = 1;

	for (; e; e >>= 1, x = x * x % MOD)
		if (e & 1)
			r = r * x % MOD;
	return r;
}

static void ntt(uint32_t *a, size_t n)
{
	for (size_t i = 1, j = 0; i < n; i++) {
		size_t bit = n >> 1;
		for (; j & bit; bit >>= 1)
			j ^= bit;
		j ^= bit;
		if (i < j) {
			uint32_t t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}
	for (size_t len = 2; len <= n; len <<= 1) {
		uint64_t w_len = power(ROOT, (MOD - 1) / len);
		for (size_t i = 0; i < n; i += len) {
			uint64_t w = 1;
			for (size_t k = 0; k < len / 2; k++) {
				uint64_t u = a[i + k], v = a[i + k + len / 2] * w % MOD;
				a[i + k] = (uint32_t)((u + v) % MOD);
				a[i + k + len / 2] = (uint32_t)((u + MOD - v) % MOD);
				w = w * w_len % MOD;
			}
		}
	}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	uint32_t *a = bench_alloc(n * sizeof(*a));
	for (size_t i = 0; i < n; i++)
		a[i] = (uint32_t)(bench_rand(rng) % MOD);
	return a;
}

void bench_run(void *input, size_t n)
{
	uint32_t *a = input;
	ntt(a, n);
	bench_sink(a[n / 3]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
