/* smooth.c - reference solution: out[i] overwrites in[i] when they are the
 * same array, so keep the old value of the element to the left in a local
 * variable before it is overwritten. One pass, O(1) extra space. */
#include "smooth.h"

void smooth(int *out, const int *in, size_t n)
{
	if (n == 0)
		return;
	if (n == 1) {
		out[0] = in[0];
		return;
	}
	long long left = in[0];
	out[0] = (int)((left + in[1]) / 2);
	for (size_t i = 1; i + 1 < n; i++) {
		long long here = in[i];
		out[i] = (int)((left + here + in[i + 1]) / 3);
		left = here;
	}
	out[n - 1] = (int)((left + in[n - 1]) / 2);
}
