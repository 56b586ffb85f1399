/* exp_hanoi.c - fitbench entry: the moves of the towers of Hanoi with n
 * discs, counted per peg pair
 *
 * class: O(2^n)
 * sizes: 10..22 +2
 *
 * 2^n - 1 moves by double recursion.
 */
#include "bench.h"

static void hanoi(unsigned n, int from, int to, int via, uint64_t moves[3][3])
{
	if (!n)
		return;
	hanoi(n - 1, from, via, to, moves);
	moves[from][to]++;
	hanoi(n - 1, via, to, from, moves);
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	uint64_t *moves = bench_calloc(9, sizeof(*moves));
	(void)n;
	(void)rng;
	return moves;
}

void bench_run(void *input, size_t n)
{
	uint64_t (*moves)[3] = input;
	hanoi((unsigned)n, 0, 2, 1, moves);
	bench_sink(moves[0][2] ^ moves[0][1] << 20);
}

void bench_teardown(void *input, size_t n)
{
	(void)n;
	bench_release(input);
}
