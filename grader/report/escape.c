/* escape.c - every escaping rule of every report format, in one place */
#include "report/escape.h"

#include <stddef.h>

#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */

/* Decodes the character at s: returns its code point and sets *len to its
 * length, or returns -1 with *len = 1 when the bytes there are not valid
 * UTF-8 (a stray byte, a truncated or overlong sequence, a surrogate, or
 * beyond U+10FFFF). */
static long utf8_decode(const unsigned char *s, size_t *len)
{
	long cp;
	size_t n;
	*len = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return -1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	*len = n;
	return cp;
}

/* C0 controls, DEL and C1 controls: what terminals act on. */
static int is_control(long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
}

/* Shows a C0 control or DEL as ^@ .. ^_ and ^?, as terminals print them. */
static void caret(FILE *out, long cp)
{
	fputc('^', out);
	fputc(cp == 0x7f ? '?' : (int)cp + '@', out);
}

void json_string(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t len;
		long cp = utf8_decode(p, &len);
		if (*p == '"' || *p == '\\') {
			fputc('\\', out);
			fputc(*p, out);
		} else if (*p == '\n') {
			fputs("\\n", out);
		} else if (*p == '\t') {
			fputs("\\t", out);
		} else if (*p == '\r') {
			fputs("\\r", out);
		} else if (*p < 0x20 || *p == 0x7f || cp < 0) {
			fprintf(out, "\\u%04x", *p);
		} else {
			fwrite(p, 1, len, out);
		}
		p += len;
	}
	fputc('"', out);
}

static void xml_escaped(FILE *out, const char *s, int attribute)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p;) {
		size_t len;
		long cp = utf8_decode(p, &len);
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\n': fputs(attribute ? "&#10;" : "\n", out); break;
		case '\t': fputs(attribute ? "&#9;" : "\t", out); break;
		default:
			/* XML 1.0 cannot hold C0 controls, U+FFFE or U+FFFF at
			 * all; C1 controls it can, but terminals showing the
			 * file would act on them. */
			if (cp < 0 || is_control(cp) || cp == 0xfffe || cp == 0xffff)
				fputs(REPLACEMENT, out);
			else
				fwrite(p, 1, len, out);
		}
		p += len;
	}
}

void xml_text(FILE *out, const char *s)
{
	xml_escaped(out, s, 0);
}

void xml_attr(FILE *out, const char *s)
{
	xml_escaped(out, s, 1);
}

void term_text(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p;) {
		size_t len;
		long cp = utf8_decode(p, &len);
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			caret(out, *p);
		else if (cp < 0 || (cp >= 0x80 && cp <= 0x9f))
			fputs(REPLACEMENT, out); /* C1, raw or encoded: 0x9b is CSI to some terminals */
		else
			fwrite(p, 1, len, out);
		p += len;
	}
}

static void workflow_escaped(FILE *out, const char *s, int property)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p;) {
		size_t len;
		long cp = utf8_decode(p, &len);
		if (*p == '%')
			fputs("%25", out);
		else if (*p == '\r')
			fputs("%0D", out);
		else if (*p == '\n')
			fputs("%0A", out);
		else if (property && *p == ':')
			fputs("%3A", out);
		else if (property && *p == ',')
			fputs("%2C", out);
		else if (*p == '\t')
			fputc(' ', out);
		else if (cp < 0 || (cp >= 0x80 && cp <= 0x9f))
			fputs(REPLACEMENT, out);
		else if (is_control(cp))
			caret(out, cp);
		else
			fwrite(p, 1, len, out);
		p += len;
	}
}

void workflow_data(FILE *out, const char *s)
{
	workflow_escaped(out, s, 0);
}

void workflow_property(FILE *out, const char *s)
{
	workflow_escaped(out, s, 1);
}

void markdown_text(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p;) {
		size_t len;
		long cp = utf8_decode(p, &len);
		switch (*p) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '\n': fputs("<br>", out); break;
		case '\r': break;
		case '\t': fputc(' ', out); break;
		case '\\': case '`': case '*': case '_': case '[': case ']': case '~': case '|':
		case '$':
			fputc('\\', out);
			fputc(*p, out);
			break;
		default:
			if (cp < 0 || is_control(cp))
				fputs(REPLACEMENT, out);
			else
				fwrite(p, 1, len, out);
		}
		p += len;
	}
}

void tap_text(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p;) {
		size_t len;
		long cp = utf8_decode(p, &len);
		if (*p == '#' || *p == '\\') {
			fputc('\\', out);
			fputc(*p, out);
		} else if (*p == '\n' || *p == '\r' || *p == '\t') {
			fputc(' ', out);
		} else if (cp < 0 || is_control(cp)) {
			fputs(REPLACEMENT, out);
		} else {
			fwrite(p, 1, len, out);
		}
		p += len;
	}
}

void csv_field(FILE *out, const char *s)
{
	int quote = 0, formula;
	size_t n = 0;
	if (!s)
		return;
	for (const char *p = s; *p; p++, n++)
		if (*p == ',' || *p == '"' || *p == '\n' || *p == '\r')
			quote = 1;
	formula = *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
	if (n && (s[0] == ' ' || s[n - 1] == ' '))
		quote = 1;
	if (quote || formula)
		fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t len;
		long cp = utf8_decode(p, &len);
		if (*p == '"')
			fputs("\"\"", out);
		else if (*p == '\n' || *p == '\r')
			fputc(*p, out);
		else if (cp < 0 || is_control(cp))
			fputs(REPLACEMENT, out);
		else
			fwrite(p, 1, len, out);
		p += len;
	}
	if (quote || formula)
		fputc('"', out);
}
