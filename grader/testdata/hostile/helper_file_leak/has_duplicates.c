/* The graded function lives in a helper file: findings placed there, not
 * in has_duplicates.c, must count all the same. */
#include "has_duplicates.h"
#include "dup_impl.h"
