/* bench_main.c - the benchmark runner linked with a driver and a submission
 *
 * usage: bench --mode=MODE --sizes=N1,N2,... [--seed=S] [--family=K] [--budget-ms=T] [--exact-sizes]
 *              --out=FILE
 *
 *   instr  run under callgrind: counts are zeroed before bench_run and
 *          dumped after it ("n=<size>"), so all sizes share one process
 *   time   CPU time of bench_run, the least of several repetitions
 *   stack  peak stack bytes used by bench_run (the stack is painted first)
 *   heap   peak heap bytes bench_run adds (needs heap_count.c linked in)
 *   rss    peak resident bytes bench_run adds, however it got them
 *   once   setup, run, teardown at each size: for massif and memcheck
 *
 * Each size of the ladder is moved down a little, by an amount drawn from
 * the seed (protocol_jitter() in protocol.h), so that the sizes measured are not all of one
 * form (powers of two, say) that code under test could recognise; the
 * records carry the size actually run (--exact-sizes runs them as given:
 * only the grader's fitting corpus asks, whose entries are its own and
 * some of which need powers of two). Once mode too: the memory checks
 * state their budget at the size it is moved to, and a memory run cannot
 * be told from a test by its n either.
 *
 * Lines written to FILE: "start N" before size N is run, "size N COST"
 * once it was measured (COST is "-" in instr mode, where callgrind's dumps
 * hold it), "wrong N WHAT" when the driver's bench_check() found the
 * answer at size N wrong (WHAT is its text, such as "expected true"; in
 * instr and time modes the run ends there), "stop N budget" when size N was not run because the
 * time budget would run out, "exit HOW STATUS" when the code under test
 * called exit() or the like, "threads N" once N threads were started
 * (pthread_create or thrd_create, which the build wraps: see below), and
 * "end" when all is done. A size that runs
 * on for ever is ended by the grader's wall-clock timeout: the runner sets
 * no timer and no signal handler that the code under test could see.
 * Nothing goes to stdout: the code under test may print there.
 */
#define _GNU_SOURCE
#include "bench.h"
#include "crash.h"
#include "protocol.h"
#include "thread_count.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>
#include <unistd.h>
#include <valgrind/callgrind.h>

#define MAX_SIZES PROTOCOL_MAX_SIZES
#define PAINT_BYTES (4u << 20)
#define PAINT_BYTE 0xa5

static int out_fd = -1;
static volatile uint64_t sink;
/* The first wrong answer's record, waiting for its size's line. */
static char wrong_line[256];
static char expect_text[160];
static uintptr_t paint_addr;

void *bench_alloc(size_t bytes)
{
	void *p = malloc(bytes ? bytes : 1);
	if (!p)
		_exit(PROTOCOL_EXIT_NO_INPUT);
	return p;
}

void *bench_calloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		_exit(PROTOCOL_EXIT_NO_INPUT);
	return p;
}

void bench_release(void *p)
{
	free(p);
}

uint64_t bench_rand(struct bench_rng *rng)
{
	uint64_t z = (rng->state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

int bench_rand_int(struct bench_rng *rng, int lo, int hi)
{
	uint64_t span = (uint64_t)((int64_t)hi - (int64_t)lo) + 1;
	return (int)((int64_t)lo + (int64_t)(bench_rand(rng) % span));
}

void bench_fill_distinct(struct bench_rng *rng, int *a, size_t n, int lo)
{
	for (size_t i = 0; i < n; i++)
		a[i] = lo + (int)i;
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(bench_rand(rng) % i);
		int t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

void bench_sink(uint64_t value)
{
	sink ^= value;
}

const char *bench_expect(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(expect_text, sizeof(expect_text), fmt, ap);
	va_end(ap);
	return expect_text;
}

/* Threads started by the driver or the code under test (thread_count.c):
 * the count of instructions of threaded code depends a little on how the
 * threads were scheduled, and the grader allows for that noise in the
 * fit. Code that starts threads another way is measured as exact, which
 * only makes its own verdict stricter. */
static unsigned threads_told;

/* Drivers written before answers were checked have no bench_check(): for
 * them every answer passes (the course's drivers all define it). */
__attribute__((weak)) const char *bench_check(void *input, size_t n);

/* Checks the answer of the bench_run() call just made, outside anything
 * measured; keeps the first wrong one for the record. */
static void check(void *input, size_t n)
{
	if (!bench_check || wrong_line[0])
		return;
	const char *what = bench_check(input, n);
	if (!what)
		return;
	int len = snprintf(wrong_line, sizeof(wrong_line) - 1, "wrong %zu %s", n, *what ? what : "wrong answer");
	if (len < 0)
		len = 0;
	if (len > (int)sizeof(wrong_line) - 2)
		len = (int)sizeof(wrong_line) - 2;
	/* One line of printable text, whatever the driver wrote. */
	for (int i = 0; i < len; i++)
		if ((unsigned char)wrong_line[i] < 0x20 || (unsigned char)wrong_line[i] > 0x7e)
			wrong_line[i] = ' ';
	wrong_line[len] = '\n';
	wrong_line[len + 1] = '\0';
}

static void emit(const char *line)
{
	size_t len = strlen(line);
	while (len) {
		ssize_t w = write(out_fd, line, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			_exit(PROTOCOL_EXIT_NO_RECORD);
		line += w;
		len -= (size_t)w;
	}
}

static double now_ms(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The input family of this run (--family=K, 0 by default): the spec's
 * complexity.families, one ladder each. */
static unsigned family;

unsigned bench_family(void)
{
	return family;
}

static struct bench_rng rng_for(uint64_t seed, size_t n)
{
	/* Family 0 draws what a driver without families always drew. */
	struct bench_rng rng = { seed ^ ((uint64_t)n * 0x2545f4914f6cdd1dull) ^ ((uint64_t)family * 0x9e3779b97f4a7c15ull) };
	bench_rand(&rng);
	return rng;
}

static double run_instr(size_t n, uint64_t seed)
{
	struct bench_rng rng = rng_for(seed, n);
	void *input = bench_setup(n, &rng);
	char name[48];
	double start = now_ms(CLOCK_MONOTONIC);

	snprintf(name, sizeof(name), "n=%zu", n);
	/* Zero and dump, no toggling: collection toggles are per thread, and
	 * threads that bench_run starts must count too. */
	CALLGRIND_ZERO_STATS;
	bench_run(input, n);
	CALLGRIND_DUMP_STATS_AT(name);
	double took = now_ms(CLOCK_MONOTONIC) - start;
	check(input, n);
	bench_teardown(input, n);
	return took;
}

static double run_time(size_t n, uint64_t seed, double *wall)
{
	double best = -1, spent = 0;
	int reps = 0;
	double start = now_ms(CLOCK_MONOTONIC);

	/* At least 3 repetitions and 20 ms of measured time, at most 50
	 * repetitions: the least is the run least disturbed by the machine. */
	while (reps < 3 || (spent < 20 && reps < 50)) {
		struct bench_rng rng = rng_for(seed, n);
		void *input = bench_setup(n, &rng);
		double t0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
		bench_run(input, n);
		double t = now_ms(CLOCK_PROCESS_CPUTIME_ID) - t0;
		check(input, n);
		bench_teardown(input, n);
		if (best < 0 || t < best)
			best = t;
		spent += t;
		reps++;
	}
	*wall = now_ms(CLOCK_MONOTONIC) - start;
	return best;
}

__attribute__((noinline)) static void paint_stack(void)
{
	volatile unsigned char area[PAINT_BYTES];
	for (size_t i = 0; i < PAINT_BYTES; i++)
		area[i] = PAINT_BYTE;
	/* Keep the address, not a pointer to a dead local: the area is read
	 * back from below the caller's frame after this returns. */
	paint_addr = (uintptr_t)area;
}

/* Bytes of the painted area below the caller's frame that were written. */
__attribute__((noinline)) static size_t stack_touched(void)
{
	unsigned char *p = (unsigned char *)paint_addr, *end = p + PAINT_BYTES;
	while (p < end && *(volatile unsigned char *)p == PAINT_BYTE)
		p++;
	return (size_t)(end - p);
}

__attribute__((noinline)) static void empty_run(void *input, size_t n)
{
	(void)input;
	bench_sink(n);
}

/* A value of /proc/self/status in bytes ("VmRSS:", "VmHWM:"), or -1. */
static long long status_bytes(const char *key)
{
	char text[4096];
	int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, text, sizeof(text) - 1) : -1;
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	text[n] = '\0';
	const char *p = strstr(text, key);
	return p ? strtoll(p + strlen(key), NULL, 10) * 1024 : -1;
}

/* The resident memory bench_run adds at its peak, whatever made it: the
 * heap, mmap, static arrays it touches, its stack. The peak is reset
 * after the input is made (clear_refs 5), so the input does not count.
 * -1 when the kernel does not say. */
static long long run_rss(size_t n, uint64_t seed)
{
	struct bench_rng rng = rng_for(seed, n);
	void *input = bench_setup(n, &rng);
	int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
	long long ok = fd >= 0 && write(fd, "5", 1) == 1;
	if (fd >= 0)
		close(fd);
	long long before = status_bytes("VmRSS:");
	bench_run(input, n);
	long long peak = status_bytes("VmHWM:");
	check(input, n);
	bench_teardown(input, n);
	return ok && before >= 0 && peak >= 0 ? (peak > before ? peak - before : 0) : -1;
}

static size_t run_stack(size_t n, uint64_t seed, void (*fn)(void *, size_t))
{
	struct bench_rng rng = rng_for(seed, n);
	void *input = bench_setup(n, &rng);
	paint_stack();
	fn(input, n);
	size_t used = stack_touched();
	if (fn == bench_run)
		check(input, n);
	bench_teardown(input, n);
	return used;
}

/* The submission's calls to exit() and friends are renamed to these when it
 * is linked into the runner: the grader reads the record and names the call. */
static void __attribute__((noreturn)) ended(const char *how, int status)
{
	char line[96];
	snprintf(line, sizeof(line), "exit %s %d\n", how, status);
	if (out_fd >= 0)
		emit(line);
	_exit(PROTOCOL_EXIT_ENDED);
}

void grader_exit(int status)
{
	ended("exit", status);
}

void grader__exit(int status)
{
	ended("_exit", status);
}

void grader__Exit(int status)
{
	ended("_Exit", status);
}

void grader_quick_exit(int status)
{
	ended("quick_exit", status);
}

void grader_abort(void)
{
	ended("abort", -1);
}

/* pthread_exit() and thrd_exit() in the runner's main thread would end the
 * run without a word; in a thread the code under test started, they do
 * what they always do. */
void grader_pthread_exit(void *value)
{
	if (getpid() == gettid())
		ended("pthread_exit", 0);
	pthread_exit(value);
}

void grader_thrd_exit(int status)
{
	if (getpid() == gettid())
		ended("thrd_exit", status);
	thrd_exit(status);
}

void grader_lockdown(void); /* lockdown.c */

/* Defined by heap_count.c in the heap-measuring runner only. */
extern size_t grader_heap_live __attribute__((weak));
extern size_t grader_heap_peak __attribute__((weak));

/* Peak bytes on the heap during bench_run above what was live before it:
 * the input is not counted, whatever allocated it. -1 without the counter. */
static long long run_heap(size_t n, uint64_t seed)
{
	if (!&grader_heap_live || !&grader_heap_peak)
		return -1;
	struct bench_rng rng = rng_for(seed, n);
	void *input = bench_setup(n, &rng);
	size_t before = __atomic_load_n(&grader_heap_live, __ATOMIC_RELAXED);
	__atomic_store_n(&grader_heap_peak, before, __ATOMIC_RELAXED);
	bench_run(input, n);
	size_t peak = __atomic_load_n(&grader_heap_peak, __ATOMIC_RELAXED);
	check(input, n);
	bench_teardown(input, n);
	return (long long)(peak - before);
}

static int parse_sizes(const char *s, size_t *sizes)
{
	int count = 0;
	while (*s && count < MAX_SIZES) {
		char *end;
		errno = 0;
		unsigned long long v = strtoull(s, &end, 10);
		if (end == s || errno)
			return -1;
		sizes[count++] = (size_t)v;
		s = *end == ',' ? end + 1 : end;
		if (*end && *end != ',')
			return -1;
	}
	return count;
}

/* Longer than 100 lines: the runner's whole protocol in the order the
 * grader reads it (arguments, crash handler, output away, known-answer
 * checks, lockdown, the ladder, end), kept in one place on purpose so the
 * order of what runs before the lockdown is visible at a glance. */
int main(int argc, char **argv)
{
	const char *mode = "once", *out = NULL;
	size_t sizes[MAX_SIZES];
	int nsizes = 0;
	uint64_t seed = 1;
	double budget = 0;
	int exact = 0;
	char line[128];

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strncmp(a, "--mode=", 7))
			mode = a + 7;
		else if (!strncmp(a, "--sizes=", 8))
			nsizes = parse_sizes(a + 8, sizes);
		else if (!strncmp(a, "--seed=", 7))
			seed = strtoull(a + 7, NULL, 10);
		else if (!strncmp(a, "--family=", 9))
			family = (unsigned)strtoul(a + 9, NULL, 10);
		else if (!strncmp(a, "--budget-ms=", 12))
			budget = strtod(a + 12, NULL);
		else if (!strncmp(a, "--out=", 6))
			out = a + 6;
		else if (!strcmp(a, "--exact-sizes"))
			exact = 1;
		else
			nsizes = -1;
	}
	if (nsizes <= 0 || !out) {
		fprintf(stderr, "usage: %s --mode=instr|time|stack|once --sizes=N,... --out=FILE\n", argv[0]);
		return 64;
	}
	out_fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (out_fd < 0) {
		perror(out);
		return 73;
	}
	harness_crash_install(out_fd, "crash\t"); /* where a crash happened: crash.h */
	/* What the code under test prints is read by no one here; sent away,
	 * a flood costs time, like any other work, instead of stopping the
	 * run. (valgrind keeps its own copy of stderr for its messages.) */
	int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (devnull >= 0) {
		fflush(stdout);
		fflush(stderr);
		dup2(devnull, 1);
		dup2(devnull, 2);
		close(devnull);
	}

	for (int i = 0; !exact && i < nsizes; i++)
		sizes[i] = protocol_jitter(sizes[i], seed, i ? sizes[i - 1] : 0);
	grader_lockdown();
	size_t base_stack = !strcmp(mode, "stack") ? run_stack(sizes[0], seed, empty_run) : 0;
	double start = now_ms(CLOCK_MONOTONIC), last = 0, before_last = 0;
	for (int i = 0; i < nsizes; i++) {
		size_t n = sizes[i];
		double took = 0;

		/* Stop before a size that would run past the budget, projecting
		 * from how the last two sizes grew: the sizes left out are
		 * reported, and the grader reads the stop as evidence. */
		if (budget > 0 && i > 0) {
			double growth = before_last > 0.5 ? last / before_last : 2;
			if (growth < 1)
				growth = 1;
			double spent = now_ms(CLOCK_MONOTONIC) - start;
			if (spent + last * growth > budget) {
				snprintf(line, sizeof(line), "stop %zu budget\n", n);
				emit(line);
				break;
			}
		}
		snprintf(line, sizeof(line), "start %zu\n", n);
		emit(line);
		if (!strcmp(mode, "instr")) {
			took = run_instr(n, seed);
			snprintf(line, sizeof(line), "size %zu - %.3f\n", n, took);
		} else if (!strcmp(mode, "time")) {
			double cpu = run_time(n, seed, &took);
			snprintf(line, sizeof(line), "size %zu %.6f %.3f\n", n, cpu * 1e6, took);
		} else if (!strcmp(mode, "heap")) {
			long long extra = run_heap(n, seed);
			if (extra < 0) {
				emit("error heap mode needs the heap-counting runner\n");
				return 64;
			}
			snprintf(line, sizeof(line), "size %zu %lld\n", n, extra);
		} else if (!strcmp(mode, "rss")) {
			snprintf(line, sizeof(line), "size %zu %lld\n", n, run_rss(n, seed));
		} else if (!strcmp(mode, "stack")) {
			size_t used = run_stack(n, seed, bench_run);
			snprintf(line, sizeof(line), "size %zu %zu\n", n,
				 used > base_stack ? used - base_stack : 0);
		} else {
			struct bench_rng rng = rng_for(seed, n);
			void *input = bench_setup(n, &rng);
			bench_run(input, n);
			check(input, n);
			bench_teardown(input, n);
			snprintf(line, sizeof(line), "size %zu -\n", n);
		}
		emit(line);
		unsigned started = __atomic_load_n(&grader_threads_started, __ATOMIC_RELAXED);
		if (started != threads_told) {
			snprintf(line, sizeof(line), "threads %u\n", started);
			emit(line);
			threads_told = started;
		}
		if (wrong_line[0]) {
			emit(wrong_line);
			/* A wrong answer decides the growth check; the memory
			 * meters measure on, and the memory check fails it. */
			if (!strcmp(mode, "instr") || !strcmp(mode, "time"))
				break;
			wrong_line[0] = '\0';
		}
		before_last = last;
		last = took;
	}
	emit("end\n");
	return 0;
}
