/* bench_deque.c - benchmark driver: n pushes at random ends, a pass of
 * deque_at over all of them, n/2 rotations (pop at one end, push at the
 * other) and n pops at random ends: about 4.5n operations, all O(1) */
#include "bench.h"
#include "deque.h"

struct input {
	int *values;
	unsigned char *ends; /* 0: front, 1: back, one per push and per pop */
	uint64_t sum;
};

void *bench_setup(size_t n, struct bench_rng *rng)
{
	struct input *in = bench_alloc(sizeof(*in));
	in->values = bench_alloc(n * sizeof(*in->values));
	in->ends = bench_alloc(2 * n);
	in->sum = (uint64_t)-1;
	for (size_t i = 0; i < n; i++)
		in->values[i] = bench_rand_int(rng, -1000000, 1000000);
	for (size_t i = 0; i < 2 * n; i++)
		in->ends[i] = (unsigned char)(bench_rand(rng) & 1);
	return in;
}

void bench_run(void *input, size_t n)
{
	struct input *in = input;
	struct deque *d = deque_new();
	uint64_t sum = 0;
	int x;

	if (!d)
		return;
	for (size_t i = 0; i < n; i++)
		sum += in->ends[i] ? deque_push_back(d, in->values[i]) : deque_push_front(d, in->values[i]);
	for (size_t i = 0, len = deque_len(d); i < len; i++)
		sum += (uint64_t)deque_at(d, i);
	for (size_t i = 0; i < n / 2; i++) {
		if (deque_pop_front(d, &x))
			sum += deque_push_back(d, x);
	}
	for (size_t i = 0; i < n; i++) {
		if (in->ends[n + i] ? deque_pop_back(d, &x) : deque_pop_front(d, &x))
			sum += (uint64_t)x;
	}
	deque_free(d);
	in->sum = sum;
	bench_sink(sum);
}

/* The same operations on a plain array with room on both sides. */
const char *bench_check(void *input, size_t n)
{
	struct input *in = input;
	int *q = bench_alloc((4 * n + 2) * sizeof(int));
	size_t head = 2 * n + 1, tail = head; /* q[head..tail) */
	uint64_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		if (in->ends[i])
			q[tail++] = in->values[i];
		else
			q[--head] = in->values[i];
		sum++;
	}
	for (size_t i = head; i < tail; i++)
		sum += (uint64_t)q[i];
	for (size_t i = 0; i < n / 2 && head < tail; i++) {
		q[tail++] = q[head++];
		sum++;
	}
	for (size_t i = 0; i < n && head < tail; i++)
		sum += (uint64_t)(in->ends[n + i] ? q[--tail] : q[head++]);
	bench_release(q);
	return sum == in->sum ? NULL : bench_expect("expected the values pushed to come back in deque order (sum %llu, got %llu)",
						  (unsigned long long)sum, (unsigned long long)in->sum);
}

void bench_teardown(void *input, size_t n)
{
	struct input *in = input;
	(void)n;
	bench_release(in->values);
	bench_release(in->ends);
	bench_release(in);
}
