/* smooth_copy.c - known wrong: copies the input to a malloc'd array first,
 * so that aliasing cannot hurt. Correct and O(n), but n ints of heap where
 * the budget is 0: must fail memory only. */
#include <stdlib.h>
#include <string.h>

#include "smooth.h"

void smooth(int *out, const int *in, size_t n)
{
	if (n == 0)
		return;
	int *old = malloc(n * sizeof(*old));
	if (!old)
		return;
	memcpy(old, in, n * sizeof(*old));
	for (size_t i = 0; i < n; i++) {
		long long sum = old[i];
		int count = 1;
		if (i > 0) {
			sum += old[i - 1];
			count++;
		}
		if (i + 1 < n) {
			sum += old[i + 1];
			count++;
		}
		out[i] = (int)(sum / count);
	}
	free(old);
}
