/* escape.c - every escaping rule of every report format, in one place */
#include "escape.h"

#include <stddef.h>

/* Length of the valid UTF-8 sequence at s, or 0 when the bytes there are
 * not one. */
static size_t utf8_len(const unsigned char *s)
{
	size_t len;
	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0 && s[0] >= 0xc2)
		len = 2;
	else if ((s[0] & 0xf0) == 0xe0)
		len = 3;
	else if ((s[0] & 0xf8) == 0xf0 && s[0] <= 0xf4)
		len = 4;
	else
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

void json_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t len = utf8_len(p);
		if (*p == '"' || *p == '\\') {
			fputc('\\', out);
			fputc(*p, out);
		} else if (*p == '\n') {
			fputs("\\n", out);
		} else if (*p == '\t') {
			fputs("\\t", out);
		} else if (*p == '\r') {
			fputs("\\r", out);
		} else if (*p < 0x20 || *p == 0x7f || !len) {
			fprintf(out, "\\u%04x", *p);
			len = 1;
		} else {
			fwrite(p, 1, len, out);
		}
		p += len ? len : 1;
	}
	fputc('"', out);
}

void xml_text(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p;) {
		size_t len = utf8_len(p);
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default:
			if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f || !len) {
				fputs("\xef\xbf\xbd", out);
				len = 1;
			} else {
				fwrite(p, 1, len, out);
			}
		}
		p += len ? len : 1;
	}
}

void term_text(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			fprintf(out, "^%c", *p == 0x7f ? '?' : *p + '@');
		else
			fputc(*p, out);
	}
}
