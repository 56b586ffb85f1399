/* sqrtn_jump_search.c - fitbench entry: jump search for 4 keys near the end
 * of a sorted array of n
 *
 * class: O(sqrt n)
 * sizes: 1024..4194304 x4
 *
 * Jumps of sqrt(n) elements, then a linear scan of one block: each jump
 * lands on a new cache line, so the larger sizes miss on every step.
 */
#include "bench.h"

static size_t jump_search(const int *a, size_t n, int key)
{
	size_t step = 1, prev = 0, next;

	while ((step + 1) * (step + 1) <= n)
		step++;
	next = step;
	while (next < n && a[next - 1] < key) {
		prev = next;
		next += step;
	}
	if (next > n)
		next = n;
	for (size_t i = prev; i < next; i++)
		if (a[i] >= key)
			return i;
	return n;
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	(void)rng;
	for (size_t i = 0; i < n; i++)
		a[i] = 3 * (int)i;
	return a;
}

void bench_run(void *input, size_t n)
{
	const int *a = input;
	uint64_t sum = 0;
	for (size_t k = 1; k <= 4; k++)
		sum += jump_search(a, n, a[n - k]);
	bench_sink(sum);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
