/* fork_jit - a fork storm in machine code written at run time: no call to
 * fork, no inline assembly, nothing the symbol policy can see. Each child
 * also leaves the process group (setsid) and blocks every signal it can.
 * Only the sandbox and the limits stand in its way. */
#include <signal.h>
#include <string.h>
#include <sys/mman.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	/* mov eax, 57 (fork); syscall; ret */
	static const unsigned char do_fork[] = { 0xb8, 57, 0, 0, 0, 0x0f, 0x05, 0xc3 };
	/* mov eax, 112 (setsid); syscall; ret */
	static const unsigned char do_setsid[] = { 0xb8, 112, 0, 0, 0, 0x0f, 0x05, 0xc3 };
	sigset_t all;
	(void)a;
	(void)n;
	unsigned char *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (code == MAP_FAILED)
		return false;
	memcpy(code, do_fork, sizeof(do_fork));
	memcpy(code + 64, do_setsid, sizeof(do_setsid));
	long (*jit_fork)(void) = (long (*)(void))(void *)code;
	long (*jit_setsid)(void) = (long (*)(void))(void *)(code + 64);
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, NULL);
	for (;;)
		if (jit_fork() == 0)
			jit_setsid();
}
