/* smooth.c - your solution (topic 02): see README.md */
#include "smooth.h"

void smooth(int *out, const int *in, size_t n)
{
	(void)out;
	(void)in;
	(void)n;
	/* TODO: out[i] = mean of in[i-1], in[i], in[i+1]; out may be in itself. */
}
