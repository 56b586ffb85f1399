/* test_line_directive.c - build_line_directive: every spelling of a line
 * directive the preprocessor accepts is found, and nothing else is */
#include <criterion/criterion.h>

#include "build.h"

static const struct {
	const char *text;
	unsigned line;
} cases[] = {
	{ "int x;\n", 0 },
	{ "#line 1 \"other.c\"\nint x;\n", 1 },
	{ "int a;\n# 1 \"/usr/include/stdio.h\" 1 3\n", 2 },
	{ "int a;\n  #  line 40\n", 2 },
	{ "%: line 3 \"x.c\"\n", 1 },
	{ "%:1 \"x.h\" 1\n", 1 },
	{ "#/* a comment */line 7\n", 1 },
	{ "/* spans\n lines */ # 9 \"x.h\"\n", 2 },
	{ "#\\\nline 5\n", 1 },
	{ "#li\\\nne 5\n", 1 },
	{ "int a; /*\n#line 4\n*/\n", 0 },
	{ "// #line 4\n", 0 },
	{ "// continued \\\n#line 4\n", 0 },
	{ "const char *s = \"\\n#line 4\";\n", 0 },
	{ "int a = 1 # 2;\n", 0 },
	{ "#include <stdio.h>\n#define LINE 3\n#lineX 4\n", 0 },
	{ "#define L #line 9\nL\n", 0 },
	{ "int a;\n\n\n#line 10\n", 4 },
};

Test(line_directive, every_spelling)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		cr_expect_eq(build_line_directive(cases[i].text), cases[i].line, "case %zu: %s: got %u, want %u", i,
			     cases[i].text, build_line_directive(cases[i].text), cases[i].line);
}
