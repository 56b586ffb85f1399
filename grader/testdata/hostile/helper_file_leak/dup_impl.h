#include <stdbool.h>
#include <stddef.h>
bool dup_scan(const int *a, size_t n);
