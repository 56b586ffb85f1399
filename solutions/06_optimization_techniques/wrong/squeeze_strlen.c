/* squeeze_strlen.c - known wrong: asks strlen(s) in the loop condition, so
 * the whole string is measured again for every character. Correct, but
 * O(m^2): must fail complexity. */
#include <stdbool.h>
#include <string.h>

#include "squeeze.h"

size_t squeeze(char *s, const char *drop)
{
	bool dropped[256] = { false };
	size_t keep = 0;

	for (size_t i = 0; i < strlen(drop); i++)
		dropped[(unsigned char)drop[i]] = true;
	for (size_t i = 0; i < strlen(s); i++)
		if (!dropped[(unsigned char)s[i]])
			s[keep++] = s[i];
	s[keep] = '\0';
	return keep;
}
