/* crash.c - linked into the test and benchmark binaries: where a crash happened */
#define _GNU_SOURCE
#include "crash.h"

#include <dlfcn.h>
#include <execinfo.h>
#include <signal.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

static int crash_fd = -1;
static const char *crash_prefix = "";
static void *exe_base;
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

static void on_crash(int sig, siginfo_t *info, void *context)
{
	static char line[1024];
	void *frames[48];
	size_t len = 0;
	ucontext_t *uc = context;
	void *pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
	(void)info;

	raw(line, &len, sizeof(line), crash_prefix);
	hex(line, &len, sizeof(line), (unsigned long)sig);
	/* The faulting pc, then its callers: the unwinder's frames after
	 * the one that is pc (those before it are this handler's). */
	int nr = backtrace(frames, 48), from = nr;
	for (int i = 0; i < nr && from == nr; i++)
		if (frames[i] == pc)
			from = i + 1;
	if (from == nr)
		from = nr > 2 ? 2 : nr;
	for (int i = from - 1; i < nr; i++) {
		void *addr = i < from ? pc : frames[i];
		Dl_info dl;
		raw(line, &len, sizeof(line), "\t");
		if (dladdr(addr, &dl) && dl.dli_fbase == exe_base)
			hex(line, &len, sizeof(line), (unsigned long)((char *)addr - (char *)exe_base));
		else
			raw(line, &len, sizeof(line), "-");
	}
	raw(line, &len, sizeof(line), "\n");
	if (crash_fd >= 0 && write(crash_fd, line, len) < 0)
		line[0] = '\0';
	signal(sig, SIG_DFL);
	raise(sig);
}

void harness_crash_install(int fd, const char *prefix)
{
	static const int signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	Dl_info dl;
	void *probe[2];

	crash_fd = fd;
	crash_prefix = prefix ? prefix : "";
	if (dladdr((void *)harness_crash_install, &dl))
		exe_base = dl.dli_fbase;
	backtrace(probe, 2); /* loads the unwinder now, not in the handler */
	stack_t ss = { .ss_sp = crash_stack, .ss_size = sizeof(crash_stack) };
	sigaltstack(&ss, NULL);
	struct sigaction sa = { .sa_sigaction = on_crash, .sa_flags = SA_SIGINFO | SA_ONSTACK };
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(signals) / sizeof(*signals); i++)
		sigaction(signals[i], &sa, NULL);
}
