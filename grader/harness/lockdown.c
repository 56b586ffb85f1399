/* lockdown.c - the kernel's limits on what graded code may ask of it
 *
 * The build rules refuse calls by name (grader/build.c), which a name the
 * rules do not know, a raw system call or a symbol found at run time gets
 * past. This filter is installed in the process that runs the submission,
 * before any of its code runs (the benchmark runner before its first
 * bench_setup, each Criterion worker before its test's setup), and the
 * kernel applies it to every system call that process and its threads
 * make, whatever name or instruction made it:
 *
 *   starting processes   fork, vfork, clone without CLONE_THREAD (or with
 *                        a namespace flag); clone3 says ENOSYS, so the C
 *                        library falls back to clone for its threads
 *   running programs     execve, execveat
 *   limits               setrlimit; prlimit64 with a new limit (reading
 *                        one is allowed)
 *   identity             set*uid, set*gid, setgroups, capset
 *   process group        setsid, setpgid
 *   signals              kill, tgkill, rt_(tg)sigqueueinfo to anything
 *                        but this process; tkill (see below); pidfd_*
 *   other processes      ptrace, process_vm_readv/writev, kcmp
 *   network              socket, socketpair
 *   sandbox              unshare, setns, mount and the new mount API,
 *                        chroot, pivot_root, seccomp and prctl's
 *                        PR_SET_SECCOMP, personality (but its query),
 *                        io_uring (whose requests skip this filter), bpf,
 *                        perf_event_open, userfaultfd, the key ring
 *   executable memory    mmap, mprotect, pkey_mprotect asking for
 *                        PROT_EXEC, shmat with SHM_EXEC (native runs only)
 *   other ABIs           a 32-bit (int 0x80) or x32 system call kills the
 *                        process: the numbers mean other calls there
 *
 * A refused call fails with EPERM (clone3 with ENOSYS), so the code sees an
 * ordinary failure and the work it meant to hand elsewhere is not done. In
 * native runs (the tests, the timed and heap-counting benchmarks) the
 * kernel first traps to a handler here (SECCOMP_RET_TRAP) that notes the
 * call (grader_refused_call(): the test hooks fail the test with it) and
 * then returns the failure; the code under test may not replace that
 * handler (rt_sigaction on SIGSYS is refused too), and if it blocks SIGSYS
 * the kernel kills it with SIGSYS instead, which is reported as a crash.
 * Under valgrind, the refusal is EPERM alone: valgrind makes the client's
 * calls from its own code and does not expect a signal there, and killing
 * the process would lose its output files, which it writes at exit.
 *
 * The filter is built with libseccomp by the grader, once per run, when it
 * compiles the runner (build_harness runs this file as a program, with
 * LOCKDOWN_GENERATE, which writes lockdown_bpf.h): the runner only loads
 * it. Built in the runner, libseccomp's own heap would be measured as the
 * submission's peak by massif, and valgrind does not know seccomp(),
 * which libseccomp asks what the kernel can do. This process's id, which
 * the signal rules compare with, is patched in at load time.
 *
 * Under valgrind the client's system calls are made by valgrind, in the
 * same process, so the filter holds for valgrind too. Two rules bend for
 * it: valgrind's translations live in memory it maps executable as it
 * goes, so executable memory is refused only in native runs (under
 * valgrind, code the client writes is translated, never run as such); and
 * valgrind wakes its own threads with tkill, so tkill is allowed there to
 * thread ids at or above this process's id (inside the sandbox's PID
 * namespace the ids after it are its own threads), refused natively, where
 * the C library uses tgkill.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Stands for this process's id in the generated filter: above any pid
 * (PID_MAX_LIMIT is 2^22), so no other constant of the filter equals it. */
#define LOCKDOWN_SELF 0x7ffffff1u

#define NR(name) __NR_##name

struct call {
	int nr;
	const char *name;
};
#define CALL(name) { __NR_##name, #name }

/* Refused whatever their arguments. */
static const struct call refused[] = {
	CALL(fork), CALL(vfork), CALL(execve), CALL(execveat), CALL(setrlimit), CALL(setuid),
	CALL(setgid), CALL(setreuid), CALL(setregid), CALL(setresuid), CALL(setresgid),
	CALL(setfsuid), CALL(setfsgid), CALL(setgroups), CALL(capset), CALL(setsid), CALL(setpgid),
	CALL(pidfd_open), CALL(pidfd_send_signal), CALL(pidfd_getfd), CALL(ptrace),
	CALL(process_vm_readv), CALL(process_vm_writev), CALL(kcmp), CALL(socket),
	CALL(socketpair), CALL(unshare), CALL(setns), CALL(mount), CALL(umount2), CALL(open_tree),
	CALL(move_mount), CALL(fsopen), CALL(fsconfig), CALL(fsmount), CALL(fspick),
	CALL(mount_setattr), CALL(chroot), CALL(pivot_root), CALL(seccomp), CALL(io_uring_setup),
	CALL(io_uring_enter), CALL(io_uring_register), CALL(bpf), CALL(perf_event_open),
	CALL(userfaultfd), CALL(keyctl), CALL(add_key), CALL(request_key),
};

#ifdef LOCKDOWN_GENERATE
/* The generator: built and run by the grader (build_harness), as the
 * grader's user, never in a graded process. */
#include <seccomp.h>
#include <stdlib.h>

static int build(scmp_filter_ctx ctx, int native)
{
	scmp_datum_t self = LOCKDOWN_SELF;
	uint32_t no = native ? SCMP_ACT_TRAP : SCMP_ACT_ERRNO(EPERM);
	int r = 0;

	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++)
		r |= seccomp_rule_add(ctx, no, refused[i].nr, 0);
	/* Threads only: CLONE_THREAD, and no namespace of their own. */
	r |= seccomp_rule_add(ctx, no, NR(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0));
	static const unsigned long ns[] = { CLONE_NEWNS, CLONE_NEWCGROUP, CLONE_NEWUTS, CLONE_NEWIPC,
					    CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET };
	for (size_t i = 0; i < sizeof(ns) / sizeof(*ns); i++)
		r |= seccomp_rule_add(ctx, no, NR(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, ns[i], ns[i]));
	/* clone3's flags are in memory a filter cannot read. No trap: the C
	 * library calls it with every signal blocked, and a blocked SIGSYS
	 * kills. */
	r |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), NR(clone3), 0);
	/* Reading a limit passes no new one. */
	r |= seccomp_rule_add(ctx, no, NR(prlimit64), 1, SCMP_A2(SCMP_CMP_NE, 0));
	r |= seccomp_rule_add(ctx, no, NR(kill), 1, SCMP_A0(SCMP_CMP_NE, self));
	r |= seccomp_rule_add(ctx, no, NR(tgkill), 1, SCMP_A0(SCMP_CMP_NE, self));
	r |= seccomp_rule_add(ctx, no, NR(rt_sigqueueinfo), 1, SCMP_A0(SCMP_CMP_NE, self));
	r |= seccomp_rule_add(ctx, no, NR(rt_tgsigqueueinfo), 1, SCMP_A0(SCMP_CMP_NE, self));
	if (native)
		r |= seccomp_rule_add(ctx, no, NR(tkill), 0);
	else
		r |= seccomp_rule_add(ctx, no, NR(tkill), 1, SCMP_A0(SCMP_CMP_LT, self));
	r |= seccomp_rule_add(ctx, no, NR(prctl), 1, SCMP_A0(SCMP_CMP_EQ, PR_SET_SECCOMP));
	r |= seccomp_rule_add(ctx, no, NR(personality), 1, SCMP_A0(SCMP_CMP_NE, 0xffffffffu));
	if (native) {
		r |= seccomp_rule_add(ctx, no, NR(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC));
		r |= seccomp_rule_add(ctx, no, NR(mprotect), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC));
		r |= seccomp_rule_add(ctx, no, NR(pkey_mprotect), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, PROT_EXEC));
		r |= seccomp_rule_add(ctx, no, NR(shmat), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, SHM_EXEC, SHM_EXEC));
		/* The handler that names refused calls stays the handler. */
		r |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), NR(rt_sigaction), 2,
				      SCMP_A0(SCMP_CMP_EQ, SIGSYS), SCMP_A1(SCMP_CMP_NE, 0));
	}
	return r;
}

/* Writes filter name as a C array of sock_filter. Returns 0 or -1. */
static int emit(const char *name, int native)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	FILE *tmp = tmpfile();
	struct sock_filter insn;
	int r = -1;

	if (!ctx || !tmp || seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS) ||
	    seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0) || build(ctx, native) ||
	    seccomp_export_bpf(ctx, fileno(tmp)))
		goto out;
	rewind(tmp);
	printf("static struct sock_filter %s[] = {\n", name);
	while (fread(&insn, sizeof(insn), 1, tmp) == 1)
		printf("\t{ 0x%04x, %u, %u, 0x%08xu },\n", insn.code, insn.jt, insn.jf, insn.k);
	printf("};\n");
	r = 0;
out:
	if (tmp)
		fclose(tmp);
	seccomp_release(ctx);
	return r;
}

int main(void)
{
	printf("/* lockdown_bpf.h - generated by lockdown.c (LOCKDOWN_GENERATE): do not edit */\n");
	if (emit("lockdown_native", 1) || emit("lockdown_valgrind", 0)) {
		fprintf(stderr, "lockdown: libseccomp cannot build the filter\n");
		return 1;
	}
	return 0;
}

#else /* the runner's part */
#include <dlfcn.h>
#include <ucontext.h>
#include <valgrind/valgrind.h>

#include "lockdown_bpf.h"
#include "protocol.h"

void grader_lockdown(void);

const char *grader_refused_call(void);

/* The first call the kernel refused in this process, or NULL. */
static const char *volatile first_refused;

const char *grader_refused_call(void)
{
	return first_refused;
}

/* Refused only with some arguments (the rules in build()). */
static const struct call sometimes[] = {
	CALL(clone), CALL(prlimit64), CALL(kill), CALL(tgkill), CALL(tkill), CALL(rt_sigqueueinfo),
	CALL(rt_tgsigqueueinfo), CALL(prctl), CALL(personality), CALL(mmap), CALL(mprotect),
	CALL(pkey_mprotect), CALL(shmat),
};

static const char *call_name(int nr)
{
	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++)
		if (refused[i].nr == nr)
			return refused[i].name;
	for (size_t i = 0; i < sizeof(sometimes) / sizeof(*sometimes); i++)
		if (sometimes[i].nr == nr)
			return sometimes[i].name;
	return "a system call";
}

/* The kernel skipped the call: note it, say so on stderr, and make the
 * call fail with EPERM. Nothing more: the call may have been made with
 * the C library's locks held (fork takes malloc's and stdio's), so the
 * test is failed later, at its teardown (the test hooks). */
static void on_sigsys(int sig, siginfo_t *info, void *uc)
{
	static const char pre[] = "grader: the sandbox refused the system call ";
	ucontext_t *ctx = uc;
	const char *name = call_name(info->si_syscall);
	(void)sig;
	ctx->uc_mcontext.gregs[REG_RAX] = -EPERM;
	if (!first_refused)
		first_refused = name;
	ssize_t w = write(2, pre, sizeof(pre) - 1);
	w = write(2, name, strlen(name));
	w = write(2, "()\n", 3);
	(void)w;
}

static void __attribute__((noreturn)) cannot(void)
{
	static const char msg[] = "grader: cannot install the system-call filter (seccomp): the submission is not run\n";
	ssize_t w = write(2, msg, sizeof(msg) - 1);
	(void)w;
	_exit(PROTOCOL_EXIT_LOCKDOWN);
}

/* Installs the filter in this process, for all its threads (under
 * valgrind, which does not know the seccomp() call, through prctl(): for
 * this thread and those it starts); a runner that cannot be locked down
 * does not run the submission at all. */
void grader_lockdown(void)
{
	int native = !RUNNING_ON_VALGRIND;
	struct sock_filter *insn = native ? lockdown_native : lockdown_valgrind;
	size_t len = native ? sizeof(lockdown_native) / sizeof(*insn)
			    : sizeof(lockdown_valgrind) / sizeof(*insn);
	struct sock_fprog prog = { (unsigned short)len, insn };

	for (size_t i = 0; i < len; i++)
		if (BPF_SRC(insn[i].code) == BPF_K && insn[i].k == LOCKDOWN_SELF)
			insn[i].k = (__u32)getpid();
	if (native) {
		/* pthread_exit() and thread cancellation load libgcc_s on
		 * first use, mapping it executable: load it while allowed. */
		dlopen("libgcc_s.so.1", RTLD_NOW | RTLD_NODELETE);
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = on_sigsys;
		sa.sa_flags = SA_SIGINFO | SA_NODEFER;
		sigaction(SIGSYS, &sa, NULL);
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		cannot();
	if (native ? syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &prog)
		   : prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0))
		cannot();
}
#endif
