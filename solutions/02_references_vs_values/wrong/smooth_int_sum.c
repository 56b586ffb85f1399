/* smooth_int_sum.c - known wrong: alias-safe, but adds three ints in an
 * int, which overflows for values near INT_MAX or INT_MIN (sums are
 * computed as unsigned here, so the wrong answer is at least a defined one).
 * O(n), no heap: must fail tests only. */
#include "smooth.h"

static int mean(unsigned sum, int count)
{
	return (int)sum / count;
}

void smooth(int *out, const int *in, size_t n)
{
	if (n == 0)
		return;
	if (n == 1) {
		out[0] = in[0];
		return;
	}
	int left = in[0];
	out[0] = mean((unsigned)left + (unsigned)in[1], 2);
	for (size_t i = 1; i + 1 < n; i++) {
		int here = in[i];
		out[i] = mean((unsigned)left + (unsigned)here + (unsigned)in[i + 1], 3);
		left = here;
	}
	out[n - 1] = mean((unsigned)left + (unsigned)in[n - 1], 2);
}
