/* smooth.h - topic 02: when the output and the input are the same array */
#ifndef SMOOTH_H
#define SMOOTH_H

#include <stddef.h>

/* Sets out[i], for each i < n, to the mean of in[i-1], in[i] and in[i+1],
 * taking only those that exist (two at either end, one when n is 1), the
 * sum divided by their count and rounded toward zero as C's / rounds. The
 * means are of the values in had before the call. out and in may be the
 * same array (smoothing in place); otherwise they do not overlap. Any int
 * values are allowed. Target: O(n) time; no heap at all; O(1) stack. */
void smooth(int *out, const int *in, size_t n);

#endif
