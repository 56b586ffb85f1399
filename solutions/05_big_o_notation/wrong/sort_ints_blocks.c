/* sort_ints_blocks.c - known wrong: a sort in blocks. Cuts the array into
 * about sqrt(n) blocks of sqrt(n), insertion-sorts each, then merges them
 * by looking at every block's smallest remaining value for each value it
 * writes out. Correct, and far better than insertion sort on the whole
 * array, but both halves cost n*sqrt(n): it grows as n^1.5, between
 * O(n log n) and O(n^2), and is no O(n log n). Must fail complexity for
 * growing faster than the claim, though no named class fits it. */
#include <stdlib.h>
#include <string.h>

#include "sort_ints.h"

static void insertion_sort(int *a, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		int v = a[i];
		size_t j = i;
		while (j > 0 && a[j - 1] > v) {
			a[j] = a[j - 1];
			j--;
		}
		a[j] = v;
	}
}

void sort_ints(int *a, size_t n)
{
	if (n < 2)
		return;
	size_t width = 1;
	while ((width + 1) * (width + 1) <= n)
		width++;
	size_t blocks = (n + width - 1) / width;
	size_t *next = malloc(blocks * sizeof(*next));
	int *out = malloc(n * sizeof(*out));
	if (!next || !out) {
		free(next);
		free(out);
		insertion_sort(a, n);
		return;
	}
	for (size_t b = 0; b < blocks; b++) {
		size_t start = b * width, len = n - start < width ? n - start : width;
		insertion_sort(a + start, len);
		next[b] = start;
	}
	for (size_t k = 0; k < n; k++) {
		size_t pick = blocks;
		for (size_t b = 0; b < blocks; b++) {
			size_t end = (b + 1) * width < n ? (b + 1) * width : n;
			if (next[b] < end && (pick == blocks || a[next[b]] < a[next[pick]]))
				pick = b;
		}
		out[k] = a[next[pick]++];
	}
	memcpy(a, out, n * sizeof(*a));
	free(out);
	free(next);
}
