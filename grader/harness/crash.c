/* crash.c - linked into the test and benchmark binaries: where a crash happened */
#define _GNU_SOURCE
#include "crash.h"

#include <link.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

/* The handler allocates nothing and takes no lock (no backtrace(), which
 * loads the unwinder with malloc, no dladdr()): it walks the frame
 * pointers (everything it names is built with -fno-omit-frame-pointer)
 * and tells the binary's own addresses by a range found at install. */
#define MAX_FRAMES 48
/* How far up the stack to look for the call into the library: abort()
 * and its callers in glibc take a few KiB. */
#define SCAN_WORDS 1024

static int crash_fd = -1;
static const char *crash_prefix = "";
/* The binary's load address (offsets are from it) and its code. */
static uintptr_t exe_base, code_start, code_end;
static char crash_stack[1 << 16];

static void raw(char *line, size_t *len, size_t size, const char *s)
{
	size_t n = strlen(s);
	if (n > size - 1 - *len)
		n = size - 1 - *len;
	memcpy(line + *len, s, n);
	*len += n;
}

/* snprintf is not async-signal-safe: the digits by hand. */
static void hex(char *line, size_t *len, size_t size, unsigned long v)
{
	char digits[24];
	int k = 0;
	do {
		digits[k++] = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v && k < 20);
	raw(line, len, size, "0x");
	while (k-- > 0 && *len + 1 < size)
		line[(*len)++] = digits[k];
}

static void frame(char *line, size_t *len, size_t size, uintptr_t addr)
{
	raw(line, len, size, "\t");
	if (addr >= code_start && addr < code_end)
		hex(line, len, size, (unsigned long)(addr - exe_base));
	else
		raw(line, len, size, "-");
}

static void on_crash(int sig, siginfo_t *info, void *context)
{
	static char line[1024];
	size_t len = 0;
	ucontext_t *uc = context;
	uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	uintptr_t sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
	uintptr_t fp = (uintptr_t)uc->uc_mcontext.gregs[REG_RBP];
	(void)info;

	raw(line, &len, sizeof(line), crash_prefix);
	hex(line, &len, sizeof(line), (unsigned long)sig);
	frame(line, &len, sizeof(line), pc);
	/* The pc first, on its own: should the walk below fault, the process
	 * dies of that (the signal is blocked here) with the pc written. */
	if (crash_fd >= 0 && write(crash_fd, line, len) < 0)
		return;
	len = 0;
	/* A fault in the C library (strlen(NULL), free() of a bad pointer
	 * that ends in abort()) leaves the frame pointer to the library: the
	 * nearest return address on the stack into the binary is where the
	 * binary called it. Written at once, in case the walk below faults. */
	for (int i = 0; pc < code_start || pc >= code_end ? i < SCAN_WORDS : 0; i++) {
		uintptr_t word = ((uintptr_t *)sp)[i];
		if (word >= code_start && word < code_end) {
			frame(line, &len, sizeof(line), word);
			if (crash_fd >= 0 && write(crash_fd, line, len) < 0)
				return;
			len = 0;
			break;
		}
	}
	/* Each frame: [fp] the caller's fp, [fp + 8] the return address.
	 * Frames go up the stack, a little at a time. */
	for (int i = 0; i < MAX_FRAMES && fp >= sp && !(fp & 7); i++) {
		uintptr_t next = ((uintptr_t *)fp)[0], ret = ((uintptr_t *)fp)[1];
		if (!ret)
			break;
		frame(line, &len, sizeof(line), ret);
		if (next <= fp || next - fp > (1u << 20))
			break;
		fp = next;
	}
	raw(line, &len, sizeof(line), "\n");
	if (crash_fd >= 0 && write(crash_fd, line, len) < 0)
		line[0] = '\0';
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The code of the object that holds harness_crash_install (the binary
 * itself): its executable segment. */
static int find_exe(struct dl_phdr_info *info, size_t size, void *data)
{
	uintptr_t base = (uintptr_t)info->dlpi_addr, self = (uintptr_t)data;
	(void)size;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t lo = base + ph->p_vaddr, hi = lo + ph->p_memsz;
		if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X) && self >= lo && self < hi) {
			exe_base = base;
			code_start = lo;
			code_end = hi;
			return 1;
		}
	}
	return 0;
}

void harness_crash_install(int fd, const char *prefix)
{
	static const int signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };

	crash_fd = fd;
	crash_prefix = prefix ? prefix : "";
	dl_iterate_phdr(find_exe, (void *)(uintptr_t)harness_crash_install);
	stack_t ss = { .ss_sp = crash_stack, .ss_size = sizeof(crash_stack) };
	sigaltstack(&ss, NULL);
	struct sigaction sa = { .sa_sigaction = on_crash, .sa_flags = SA_SIGINFO | SA_ONSTACK };
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(signals) / sizeof(*signals); i++)
		sigaction(signals[i], &sa, NULL);
}
