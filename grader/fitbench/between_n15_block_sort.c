/* between_n15_block_sort.c - fitbench entry: a sort in blocks of sqrt(n)
 * of n random distinct ints
 *
 * class: between O(n log n) and O(n^2)
 * sizes: 1024..65536 x2
 *
 * Insertion sort within each of the sqrt(n) blocks (sqrt(n) blocks of
 * n/4 moves each), then a merge that scans every block's head for each
 * element it outputs: both halves cost n^1.5, so each doubling of n
 * multiplies the count by 2.83. Neither O(n log n) nor O(n^2): a claim of
 * O(n log n) must fail, one of O(n^2) must pass.
 */
#include <stdlib.h>
#include <string.h>

#include "bench.h"

static void insertion_sort(int *a, size_t len)
{
	for (size_t i = 1; i < len; i++) {
		int v = a[i];
		size_t j = i;
		while (j > 0 && a[j - 1] > v) {
			a[j] = a[j - 1];
			j--;
		}
		a[j] = v;
	}
}

static void block_sort(int *a, size_t n)
{
	size_t b = 1;
	while ((b + 1) * (b + 1) <= n)
		b++;
	size_t blocks = (n + b - 1) / b;
	size_t *head = malloc(blocks * sizeof(*head));
	int *out = malloc(n * sizeof(*out));
	if (!head || !out) {
		free(head);
		free(out);
		return;
	}
	for (size_t k = 0; k < blocks; k++) {
		head[k] = k * b;
		insertion_sort(a + k * b, k * b + b <= n ? b : n - k * b);
	}
	for (size_t o = 0; o < n; o++) {
		size_t best = blocks;
		for (size_t k = 0; k < blocks; k++) {
			size_t end = k * b + b <= n ? k * b + b : n;
			if (head[k] < end && (best == blocks || a[head[k]] < a[head[best]]))
				best = k;
		}
		out[o] = a[head[best]++];
	}
	memcpy(a, out, n * sizeof(*a));
	free(out);
	free(head);
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *a = bench_alloc(n * sizeof(*a));
	bench_fill_distinct(rng, a, n, 0);
	return a;
}

void bench_run(void *input, size_t n)
{
	int *a = input;
	block_sort(a, n);
	bench_sink((uint64_t)a[n / 3]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
