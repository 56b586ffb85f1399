/* test_escape.c - every format's escaping, and hostile text through each */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/escape.h"

typedef void (*escape_fn)(FILE *, const char *);

/* What fn writes for in, as a new string. */
static char *escaped(escape_fn fn, const char *in)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	cr_assert_not_null(out);
	fn(out, in);
	fclose(out);
	return text;
}

struct escape_case {
	escape_fn fn;
	const char *name;
	const char *in;
	const char *want;
};

static const struct escape_case cases[] = {
	/* JSON: as before, and invalid UTF-8 (surrogates, overlongs) escaped */
	{ json_string, "json", "a\"b\\c\n\t\r", "\"a\\\"b\\\\c\\n\\t\\r\"" },
	{ json_string, "json", "\033[31m", "\"\\u001b[31m\"" },
	{ json_string, "json", "caf\xc3\xa9 \xe2\x9c\x93", "\"caf\xc3\xa9 \xe2\x9c\x93\"" },
	{ json_string, "json", "\xff", "\"\\u00ff\"" },
	{ json_string, "json", "\xed\xa0\x80", "\"\\u00ed\\u00a0\\u0080\"" },
	{ json_string, "json", "\xc0\xaf", "\"\\u00c0\\u00af\"" },
	{ json_string, "json", NULL, "null" },

	/* XML and HTML */
	{ xml_text, "xml", "</failure><script>x</script>", "&lt;/failure&gt;&lt;script&gt;x&lt;/script&gt;" },
	{ xml_text, "xml", "a & b \"q\" 'a' ]]>", "a &amp; b &quot;q&quot; &#39;a&#39; ]]&gt;" },
	{ xml_text, "xml", "line\n\ttab", "line\n\ttab" },
	{ xml_text, "xml", "\033[1m\x01", "\xef\xbf\xbd[1m\xef\xbf\xbd" },
	{ xml_text, "xml", "\xef\xbf\xbe\xc2\x9b", "\xef\xbf\xbd\xef\xbf\xbd" },
	{ xml_text, "xml", "\xfe", "\xef\xbf\xbd" },
	{ xml_attr, "attr", "a\nb\tc\"", "a&#10;b&#9;c&quot;" },

	/* Terminals */
	{ term_text, "term", "\033[2J\033]0;title\a", "^[[2J^[]0;title^G" },
	{ term_text, "term", "ok\n\tindent", "ok\n\tindent" },
	{ term_text, "term", "\xc2\x9b" "31m \x9b", "\xef\xbf\xbd" "31m \xef\xbf\xbd" },
	{ term_text, "term", "caf\xc3\xa9", "caf\xc3\xa9" },

	/* GitHub workflow commands: data, and properties */
	{ workflow_data, "data", "50% done\r\n::error::pwned", "50%25 done%0D%0A::error::pwned" },
	{ workflow_data, "data", "a: b, c", "a: b, c" },
	{ workflow_data, "data", "%0A", "%250A" },
	{ workflow_data, "data", "\033[31mred\tx", "^[[31mred x" },
	{ workflow_property, "property", "a: b, c%\n", "a%3A b%2C c%25%0A" },
	{ workflow_property, "property", "dir/has_duplicates.c", "dir/has_duplicates.c" },

	/* Markdown */
	{ markdown_text, "markdown", "<script>a|b</script>", "&lt;script&gt;a\\|b&lt;/script&gt;" },
	{ markdown_text, "markdown", "*x* _y_ `z` [l](u) ~s~ $m$", "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\$m\\$" },
	{ markdown_text, "markdown", "one\r\ntwo", "one<br>two" },
	{ markdown_text, "markdown", "a\\b &amp;", "a\\\\b &amp;amp;" },

	/* TAP descriptions */
	{ tap_text, "tap", "x # SKIP not really", "x \\# SKIP not really" },
	{ tap_text, "tap", "one\nok 2 - forged", "one ok 2 - forged" },
	{ tap_text, "tap", "back\\slash \033", "back\\\\slash \xef\xbf\xbd" },

	/* CSV */
	{ csv_field, "csv", "alice", "alice" },
	{ csv_field, "csv", "o'brien, \"jr\"", "\"o'brien, \"\"jr\"\"\"" },
	{ csv_field, "csv", "two\nlines", "\"two\nlines\"" },
	{ csv_field, "csv", "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"" },
	{ csv_field, "csv", "-1+1", "\"'-1+1\"" },
	{ csv_field, "csv", "@sum", "\"'@sum\"" },
	{ csv_field, "csv", " padded ", "\" padded \"" },
	{ csv_field, "csv", "", "" },
};

Test(escape, table)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = escaped(cases[i].fn, cases[i].in);
		cr_expect_str_eq(got, cases[i].want, "%s case %zu: got [%s], want [%s]", cases[i].name, i, got,
				 cases[i].want);
		free(got);
	}
}

/* Every function, on every byte value in every position: nothing a
 * format's reader would act on survives. */
Test(escape, no_control_bytes_survive)
{
	static const escape_fn line_fns[] = { workflow_data, workflow_property, tap_text, markdown_text };
	char in[3 * 256 + 1];
	for (int b = 0; b < 256; b++) {
		in[3 * b] = (char)(b ? b : 'x');
		in[3 * b + 1] = 'a';
		in[3 * b + 2] = '\n';
	}
	in[sizeof(in) - 1] = '\0';
	for (size_t f = 0; f < sizeof(line_fns) / sizeof(line_fns[0]); f++) {
		char *got = escaped(line_fns[f], in);
		for (const unsigned char *p = (const unsigned char *)got; *p; p++)
			cr_expect(*p >= 0x20 && *p != 0x7f, "function %zu let byte 0x%02x through", f, *p);
		free(got);
	}
	char *xml = escaped(xml_text, in);
	for (const unsigned char *p = (const unsigned char *)xml; *p; p++)
		cr_expect(*p >= 0x20 || *p == '\n' || *p == '\t', "xml_text let byte 0x%02x through", *p);
	cr_expect_null(strchr(xml, '<'));
	free(xml);
	char *term = escaped(term_text, in);
	for (const unsigned char *p = (const unsigned char *)term; *p; p++)
		cr_expect(*p >= 0x20 || *p == '\n' || *p == '\t', "term_text let byte 0x%02x through", *p);
	free(term);
}

/* A workflow command's message cannot end the line it is on, whatever it
 * holds: the runner only reads commands at the start of a line. */
Test(escape, workflow_command_stays_one_line)
{
	char *got = escaped(workflow_data, "x\n::error file=a.c,line=1::forged\r\n::add-mask::y");
	cr_expect_null(strchr(got, '\n'));
	cr_expect_null(strchr(got, '\r'));
	free(got);
}
