/* objcache.c - compiled objects kept between gradings
 *
 * An entry is a folder named by a hash of its material, holding the
 * material itself (compared in full on load, so a hash collision is only
 * a miss) and the stored files.
 */
#include "objcache.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void add_stat(struct buf *m, const char *label, const char *path)
{
	struct stat st;
	if (stat(path, &st))
		buf_addf(m, "%s %s -\n", label, path);
	else
		buf_addf(m, "%s %s %lld %lld %lld\n", label, path, (long long)st.st_size, (long long)st.st_mtime,
			 (long long)st.st_ino);
}

void objcache_add_toolchain(struct buf *m)
{
	/* The sandbox's PATH (spawn.c): the first gcc found is the one run. */
	static const char *const gcc[] = { "/usr/local/bin/gcc", "/usr/bin/gcc", "/bin/gcc", NULL };
	add_stat(m, "grader", "/proc/self/exe");
	for (int i = 0; gcc[i]; i++) {
		if (!access(gcc[i], X_OK)) {
			add_stat(m, "compiler", gcc[i]);
			break;
		}
	}
	add_stat(m, "packages", "/var/lib/dpkg/status");
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void objcache_add_folder(struct buf *m, const char *dir)
{
	DIR *d = opendir(dir);
	char **names = NULL;
	size_t nr = 0, alloc = 0;
	struct dirent *e;

	if (!d) {
		buf_addf(m, "== folder %s unreadable\n", dir);
		return;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		ALLOC_GROW(names, nr + 1, alloc);
		names[nr++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, nr, sizeof(*names), cmp_str);
	for (size_t i = 0; i < nr; i++) {
		char *p = path_join(dir, names[i]);
		if (file_exists(p)) {
			buf_addf(m, "== %s\n", names[i]);
			if (read_file(m, p))
				buf_adds(m, "(unreadable)");
			buf_adds(m, "\n");
		}
		free(p);
		free(names[i]);
	}
	free(names);
}

static char *entry_path(const char *store, const char *material)
{
	return xasprintf("%s/%016llx", store,
			 (unsigned long long)hash_fnv1a(HASH_FNV_INIT, material, strlen(material)));
}

int objcache_get(const char *store, const char *material, const char *const *names, const char *to)
{
	char *entry = entry_path(store, material);
	char *kept = path_join(entry, "material");
	struct buf m = BUF_INIT;
	int ret = -1;

	if (!read_file(&m, kept) && m.len == strlen(material) && !memcmp(m.buf, material, m.len)) {
		ret = 0;
		for (int i = 0; names[i] && !ret; i++) {
			char *from = path_join(entry, names[i]);
			char *dest = path_join(to, names[i]);
			ret = copy_file(from, dest) ? -1 : 0;
			free(from);
			free(dest);
		}
	}
	buf_release(&m);
	free(kept);
	free(entry);
	return ret;
}

void objcache_put(const char *store, const char *material, const char *const *names, const char *from)
{
	static unsigned serial;
	char *entry = entry_path(store, material);
	char *tmp = xasprintf("%s.%ld.%u.tmp", entry, (long)getpid(), __atomic_fetch_add(&serial, 1, __ATOMIC_RELAXED));
	char *kept = path_join(tmp, "material");
	int bad = mkdir_p(store, 0755) || mkdir(tmp, 0755) || write_file(kept, material, strlen(material));

	for (int i = 0; names[i] && !bad; i++) {
		char *src = path_join(from, names[i]);
		char *dest = path_join(tmp, names[i]);
		bad = copy_file(src, dest);
		free(src);
		free(dest);
	}
	/* Another grading may have stored the same entry first: its copy is
	 * as good as ours. A damaged entry (no material) is replaced. */
	if (!bad && rename(tmp, entry)) {
		char *theirs = path_join(entry, "material");
		if ((errno == EEXIST || errno == ENOTEMPTY) && !file_exists(theirs) && !remove_tree(entry))
			bad = rename(tmp, entry);
		else
			bad = 1;
		free(theirs);
	}
	if (bad)
		remove_tree(tmp);
	free(kept);
	free(tmp);
	free(entry);
}
