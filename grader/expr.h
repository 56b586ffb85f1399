/* expr.h - budget expressions of n, as written in specs: "16*n + 64KiB" */
#ifndef EXPR_H
#define EXPR_H

#include <stddef.h>

/*
 * The language (docs/spec.md has the manual):
 *
 *   numbers      0, 64, 1.5
 *   units        a number followed by B, KB, KiB, MB, MiB, GB or GiB, with
 *                or without a space (case does not matter; K, M and G are
 *                all powers of 1024): 64KiB, 4 MB
 *   the variable n
 *   operators    + - * / and parentheses, unary minus, usual precedence
 *   sizeof(T)    T one of char, short, int, long, long long, float, double,
 *                long double, size_t, ssize_t, ptrdiff_t, intptr_t,
 *                uintptr_t, bool, int8_t..int64_t, uint8_t..uint64_t, the
 *                unsigned/signed forms, void* and any pointer type T*
 *   functions    log2(x), sqrt(x)
 *
 * Nesting (parentheses, unary minus, function calls) is limited to
 * EXPR_MAX_DEPTH levels, so that no input can exhaust the stack.
 */
#define EXPR_MAX_DEPTH 64

/* Checks that s parses. Returns 0 when it does. Otherwise returns -1, sets
 * *err_col to the 1-based column (in bytes) inside s where the problem is
 * (one past the end when s ends too early) and *err_msg to a newly
 * allocated message, lowercase and without a full stop, that the caller
 * frees; either pointer may be NULL when not wanted. A division by a
 * constant zero is an error here too; one that depends on n is found only
 * by expr_eval. */
int expr_check(const char *s, size_t *err_col, char **err_msg);

/* Evaluates s at n. Returns 0 and sets *out, or -1 (leaving *out alone)
 * when s does not parse, divides by zero, or has no finite value at this n
 * (log2 of 0, the square root of a negative number). */
int expr_eval(const char *s, double n, double *out);

#endif
