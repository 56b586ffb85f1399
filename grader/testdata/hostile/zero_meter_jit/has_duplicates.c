/* zero_meter_jit - compares every pair, then zeroes callgrind's counters
 * with a client request issued from machine code written at run time (no
 * valgrind header, nothing for a check of the source to see): every size
 * is counted at a handful of instructions, flat, while it takes quadratic
 * time. Natively the request is a no-op. */
#include <string.h>
#include <sys/mman.h>

#include "has_duplicates.h"

static void zero_counters(void)
{
	/* mov rax, rdi; xor edx, edx; rol rdi, 3; rol rdi, 13; rol rdi, 61;
	 * rol rdi, 51; xchg rbx, rbx; ret: valgrind's request preamble, with
	 * rax pointing at { request, args... } */
	static const unsigned char code[] = {
		0x48, 0x89, 0xf8, 0x31, 0xd2, 0x48, 0xc1, 0xc7, 0x03, 0x48, 0xc1, 0xc7, 0x0d,
		0x48, 0xc1, 0xc7, 0x3d, 0x48, 0xc1, 0xc7, 0x33, 0x48, 0x87, 0xdb, 0xc3,
	};
	static void (*request)(unsigned long *);
	/* callgrind's ZERO_STATS: tool base 'C','T', second request */
	static unsigned long args[6] = { 0x43540001ul, 0, 0, 0, 0, 0 };
	if (!request) {
		void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (page == MAP_FAILED)
			return;
		memcpy(page, code, sizeof(code));
		request = (void (*)(unsigned long *))page;
	}
	request(args);
}

bool has_duplicates(const int *a, size_t n)
{
	bool dup = false;
	for (size_t i = 0; i < n && !dup; i++)
		for (size_t j = i + 1; j < n && !dup; j++)
			dup = a[i] == a[j];
	zero_counters();
	return dup;
}
