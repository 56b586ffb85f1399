/* test_origin.c - origin_line_table: an object's code names only the submission's files
 *
 * Built here with the course's compiler flags, outside the grader's
 * source rules (which refuse a line directive before any object exists):
 * an object whose code claims another file is refused, whatever the name
 * claimed (a plain name, a path, a system header's base name under
 * another folder); code inlined from system headers and the course's
 * headers is not; a helper header of the submission's is its own.
 */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "origin.h"
#include "util.h"

static char *dir;

static void setup(void)
{
	dir = strdup("/tmp/grader-origin-test-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	/* readelf runs as the grader's helper user, as in a grading. */
	cr_assert_eq(chmod(dir, 0755), 0);
	char *course = path_join(dir, "course");
	cr_assert_eq(mkdir_p(course, 0755), 0);
	free(course);
}

static void teardown(void)
{
	remove_tree(dir);
	free(dir);
}

TestSuite(origin, .init = setup, .fini = teardown);

static void put(const char *name, const char *text)
{
	char *p = path_join(dir, name);
	cr_assert_eq(write_file(p, text, strlen(text)), 0);
	free(p);
}

/* Compiles dir/file into dir/x.o as the grader does; returns the check's
 * answer for own (NULL-terminated). */
static char *check(const char *file, const char *const *own)
{
	char *cmd = xasprintf("cd '%s' && gcc -std=gnu11 -O1 -g -Icourse -c %s -o x.o 2>&1", dir, file);
	cr_assert_eq(system(cmd), 0, "gcc could not compile %s", file);
	free(cmd);
	char *obj = path_join(dir, "x.o");
	int machine = -1;
	char *why = origin_line_table(obj, own, &machine);
	cr_assert_eq(machine, 0, "readelf could not read the object: %s", why ? why : "");
	free(obj);
	return why;
}

/* A copy, a sum, a conversion: code inlined from the C library's headers
 * (fortified memcpy, atoi) and from a course header. */
static const char *const clean =
	"#include <stdlib.h>\n#include <string.h>\n#include \"course.h\"\n#include \"util_own.h\"\n"
	"int f(const char *s, char *d) { memcpy(d, s, 8); return atoi(s) + twice(1) + thrice(2); }\n";

Test(origin, system_course_and_own_headers_pass)
{
	const char *own[] = { "f.c", "util_own.h", NULL };
	put("course/course.h", "static inline int twice(int x) { return 2 * x; }\n");
	put("util_own.h", "static inline int thrice(int x) { return 3 * x; }\n");
	put("f.c", clean);
	char *why = check("f.c", own);
	cr_assert_null(why, "a clean object was refused: %s", why);
}

static void expect_refused(const char *claim)
{
	const char *own[] = { "f.c", NULL };
	char *text = xasprintf("#include <stdlib.h>\n#line 1 \"%s\"\nint f(int x) { return abs(x) + 1; }\n", claim);
	put("f.c", text);
	char *why = check("f.c", own);
	cr_assert_not_null(why, "code claiming %s was not refused", claim);
	cr_assert(strstr(why, "not one of the submission's files"), "unexpected reason: %s", why);
	free(why);
	free(text);
}

Test(origin, another_name_is_refused)
{
	expect_refused("nowhere.c");
	expect_refused("/tmp/elsewhere/helper.c");
	expect_refused("/opt/include/stdlib.h");
	expect_refused("course/../../f2.c");
}
