/* n_counting_sort.c - fitbench entry: counting sort of n 16-bit values
 *
 * class: O(n)
 * sizes: 1024..2097152 x2
 *
 * O(n + k) with k = 65536 buckets, cleared and summed at every call: at the
 * smaller sizes the buckets cost many times what the elements do, a large
 * constant overhead the fit must not mistake for a slower class.
 */
#include "bench.h"

#define BUCKETS 65536

struct input {
	uint16_t *in, *out;
	size_t *count; /* BUCKETS counters, cleared by the sort itself */
};

static void counting_sort(const uint16_t *in, uint16_t *out, size_t n, size_t *count)
{
	size_t pos = 0;

	for (size_t v = 0; v < BUCKETS; v++)
		count[v] = 0;
	for (size_t i = 0; i < n; i++)
		count[in[i]]++;
	for (size_t v = 0; v < BUCKETS; v++) {
		size_t c = count[v];
		count[v] = pos;
		pos += c;
	}
	for (size_t i = 0; i < n; i++)
		out[count[in[i]]++] = in[i];
}

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->in = bench_alloc(n * sizeof(*in->in));
	in->out = bench_alloc(n * sizeof(*in->out));
	in->count = bench_alloc(BUCKETS * sizeof(*in->count));
	for (size_t i = 0; i < n; i++)
		in->in[i] = (uint16_t)bench_rand(rng);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	counting_sort(in->in, in->out, n, in->count);
	bench_sink(in->out[n / 2]);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->in);
	bench_release(in->out);
	bench_release(in->count);
	bench_release(in);
}
