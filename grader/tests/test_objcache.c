/* test_objcache.c - objcache_put and objcache_get: stored objects come back byte for byte
 *
 * A stored entry is copied back whole; another material is a miss, as is
 * an entry without its material (damaged), which the next store replaces;
 * a folder's material follows its bytes, not the order of its listing.
 */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "objcache.h"
#include "util.h"

static char *dir, *store, *from, *to;
static const char *const names[] = { "tests.o", "bench.o", NULL };

static int write_file_in(const char *folder, const char *name, const char *data, size_t len)
{
	char *p = path_join(folder, name);
	int r = write_file(p, data, len);
	free(p);
	return r;
}

static void setup(void)
{
	dir = strdup("/tmp/grader-objcache-test-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	store = path_join(dir, "store");
	from = path_join(dir, "from");
	to = path_join(dir, "to");
	cr_assert_eq(mkdir(from, 0755), 0);
	cr_assert_eq(mkdir(to, 0755), 0);
	cr_assert_eq(write_file_in(from, "tests.o", "\x7f" "ELF tests\0with a nul", 20), 0);
	cr_assert_eq(write_file_in(from, "bench.o", "bench", 5), 0);
}

static void teardown(void)
{
	remove_tree(dir);
	free(dir);
	free(store);
	free(from);
	free(to);
}

static void expect_same(const char *name)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	char *pa = path_join(from, name), *pb = path_join(to, name);
	cr_assert_eq(read_file(&a, pa), 0);
	cr_assert_eq(read_file(&b, pb), 0, "%s was not copied back", name);
	cr_expect(a.len == b.len && !memcmp(a.buf, b.buf, a.len), "%s differs after the round trip", name);
	buf_release(&a);
	buf_release(&b);
	free(pa);
	free(pb);
}

Test(objcache, round_trip, .init = setup, .fini = teardown)
{
	objcache_put(store, "course object 1\ngcc -c tests.c\n", names, from);
	cr_assert_eq(objcache_get(store, "course object 1\ngcc -c tests.c\n", names, to), 0);
	expect_same("tests.o");
	expect_same("bench.o");
}

Test(objcache, other_material_misses, .init = setup, .fini = teardown)
{
	objcache_put(store, "material one", names, from);
	cr_expect_eq(objcache_get(store, "material two", names, to), -1);
	cr_expect_eq(objcache_get(store, "material on", names, to), -1);
	cr_expect_eq(objcache_get(store, "", names, to), -1);
}

Test(objcache, damaged_entry_misses_and_is_replaced, .init = setup, .fini = teardown)
{
	objcache_put(store, "material one", names, from);
	cr_assert_eq(objcache_get(store, "material one", names, to), 0);
	/* The one file an entry cannot be read without. */
	char *cmd = xasprintf("rm -f %s/*/material", store);
	cr_assert_eq(system(cmd), 0);
	free(cmd);
	cr_expect_eq(objcache_get(store, "material one", names, to), -1);
	objcache_put(store, "material one", names, from);
	cr_expect_eq(objcache_get(store, "material one", names, to), 0);
}

Test(objcache, missing_file_in_entry_misses, .init = setup, .fini = teardown)
{
	static const char *const more[] = { "tests.o", "bench.o", "absent.o", NULL };
	objcache_put(store, "material one", names, from);
	cr_expect_eq(objcache_get(store, "material one", more, to), -1);
}

Test(objcache, folder_material_follows_bytes, .init = setup, .fini = teardown)
{
	struct buf a = BUF_INIT, b = BUF_INIT, c = BUF_INIT;
	objcache_add_folder(&a, from);
	objcache_add_folder(&b, from);
	cr_expect_str_eq(a.buf, b.buf);
	cr_assert_eq(write_file_in(from, "bench.o", "bencH", 5), 0);
	objcache_add_folder(&c, from);
	cr_expect_str_neq(a.buf, c.buf, "a changed byte must change the material");
	/* Listed in name order: bench.o before tests.o. */
	cr_expect_lt(strstr(a.buf, "== bench.o"), strstr(a.buf, "== tests.o"));
	buf_release(&a);
	buf_release(&b);
	buf_release(&c);
}

Test(objcache, toolchain_names_compiler_and_packages)
{
	struct buf m = BUF_INIT;
	objcache_add_toolchain(&m);
	cr_expect_not_null(strstr(m.buf, "grader /proc/self/exe "));
	cr_expect_not_null(strstr(m.buf, "compiler "), "no gcc found on the sandbox's PATH: %s", m.buf);
	buf_release(&m);
}
