/* binary_search_interpolation.c - known wrong: interpolation search. It
 * guesses where key should be from the values at both ends, as one looks
 * up a word in a dictionary: about log log n probes on evenly spread
 * values, the only shape a benchmark without input families would give
 * it. Where the values are not spread evenly (a long run of one value,
 * then a few far larger) every guess lands near the start and the search
 * crawls one element at a time: O(n). Must fail complexity, on the
 * plateau family. */
#include <stdint.h>

#include "binary_search.h"

ptrdiff_t binary_search(const int *a, size_t n, int key)
{
	size_t lo = 0, hi = n; /* key, if anywhere, is in a[lo..hi) */

	while (lo < hi && key >= a[lo] && key <= a[hi - 1]) {
		size_t pos = lo;
		if (a[hi - 1] != a[lo])
			pos += (size_t)((int64_t)(key - (int64_t)a[lo]) * (int64_t)(hi - 1 - lo) /
					((int64_t)a[hi - 1] - a[lo]));
		if (a[pos] == key)
			return (ptrdiff_t)pos;
		if (a[pos] < key)
			lo = pos + 1;
		else
			hi = pos;
	}
	return -1;
}
