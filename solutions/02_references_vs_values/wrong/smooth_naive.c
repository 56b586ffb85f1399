/* smooth_naive.c - known wrong: reads in[i-1] after out[i-1] was written,
 * which is the new value when smoothing in place. Right into another
 * array, wrong in place. O(n), no heap: must fail tests only. */
#include "smooth.h"

void smooth(int *out, const int *in, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		long long sum = in[i];
		int count = 1;
		if (i > 0) {
			sum += in[i - 1];
			count++;
		}
		if (i + 1 < n) {
			sum += in[i + 1];
			count++;
		}
		out[i] = (int)(sum / count);
	}
}
