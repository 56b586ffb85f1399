/* has_duplicates_first_pivot.c - known wrong: sorts a copy with a
 * quicksort that takes the first element as its pivot. On shuffled values
 * that is O(n log n); on values already in order (descending) every split
 * is 1 against n - 1: quadratic. Must fail complexity on the driver's
 * descending input family, and pass on the others. */
#include <stdlib.h>
#include <string.h>

#include "has_duplicates.h"

static void quicksort(int *a, size_t n)
{
	while (n > 1) {
		int pivot = a[0];
		size_t store = 0;
		for (size_t i = 1; i < n; i++) {
			if (a[i] < pivot) {
				store++;
				int t = a[i];
				a[i] = a[store];
				a[store] = t;
			}
		}
		a[0] = a[store];
		a[store] = pivot;
		/* the smaller side by recursion, the larger by the loop: the
		 * stack stays shallow, the time does not */
		if (store < n - store - 1) {
			quicksort(a, store);
			a += store + 1;
			n -= store + 1;
		} else {
			quicksort(a + store + 1, n - store - 1);
			n = store;
		}
	}
}

bool has_duplicates(const int *a, size_t n)
{
	if (n < 2)
		return false;
	int *copy = malloc(n * sizeof(*copy));
	if (!copy)
		return false;
	memcpy(copy, a, n * sizeof(*copy));
	quicksort(copy, n);
	bool found = false;
	for (size_t i = 1; i < n && !found; i++)
		found = copy[i] == copy[i - 1];
	free(copy);
	return found;
}
