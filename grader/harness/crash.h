/* crash.h - linked into the test and benchmark binaries: where a crash happened
 *
 * harness_crash_install() catches SIGSEGV, SIGBUS, SIGFPE, SIGILL and
 * SIGABRT on a stack of its own (so a stack overflow is caught too) and
 * writes one line to fd:
 *   PREFIX SIGNAL PC RET RET...
 * tab-separated, numbers in hex: the faulting pc, then the return
 * addresses above it, each as an offset from the binary's load address
 * (so PIE does not matter), or "-" for a frame in a shared library. The
 * grader maps them to file:line with addr2line (tests_crash_place). Then
 * the process dies of the signal, as it would have.
 */
#ifndef GRADER_CRASH_H
#define GRADER_CRASH_H

/* Installs the handler; prefix (kept, not copied) starts the line, e.g.
 * "crash\t", or "". Safe to call again with another fd. */
void harness_crash_install(int fd, const char *prefix);

#endif
