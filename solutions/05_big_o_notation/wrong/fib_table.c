/* fib_table.c - known wrong: a table of the first 61 answers, and beyond it
 * the naive recursion, which bottoms out in the table. Every size up to 60
 * is one lookup (it looks O(1)); past 60 it is exponential again. Must
 * fail complexity, measured at sizes beyond the table. */
#include "fib.h"

static const uint64_t table[61] = {0,1,1,2,3,5,8,13,21,34,55,89,144,233,377,610,987,1597,2584,4181,6765,10946,17711,28657,46368,75025,121393,196418,317811,514229,832040,1346269,2178309,3524578,5702887,9227465,14930352,24157817,39088169,63245986,102334155,165580141,267914296,433494437,701408733,1134903170,1836311903,2971215073ull,4807526976ull,7778742049ull,12586269025ull,20365011074ull,32951280099ull,53316291173ull,86267571272ull,139583862445ull,225851433717ull,365435296162ull,591286729879ull,956722026041ull,1548008755920ull};
uint64_t fib(unsigned n)
{
	if (n <= 60)
		return table[n];
	return fib(n - 1) + fib(n - 2);
}
