/* n3_floyd_warshall.c - fitbench entry: all-pairs shortest paths on a
 * random graph of n vertices
 *
 * class: O(n^3)
 * sizes: 16..256 x2
 *
 * Three nested loops over the vertices, with a data-dependent branch in
 * the innermost: relax or not.
 */
#include "bench.h"

#define INF (1 << 29)

static void floyd_warshall(int *d, size_t n)
{
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < n; i++) {
			int dik = d[i * n + k];
			if (dik >= INF)
				continue;
			for (size_t j = 0; j < n; j++)
				if (dik + d[k * n + j] < d[i * n + j])
					d[i * n + j] = dik + d[k * n + j];
		}
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	int *d = bench_alloc(n * n * sizeof(*d));
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			d[i * n + j] = i == j ? 0 : bench_rand_int(rng, 0, 3) ? INF : bench_rand_int(rng, 1, 100);
	/* A cycle through every vertex: every distance is finite. */
	for (size_t i = 0; i < n; i++)
		d[i * n + (i + 1) % n] = 100;
	return d;
}

void bench_run(void *input, size_t n)
{
	int *d = input;
	floyd_warshall(d, n);
	bench_sink((uint64_t)d[n * n / 3]);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
