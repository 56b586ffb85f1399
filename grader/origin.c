/* origin.c - where the submission's code says it came from, checked */
#include "origin.h"

#include <stdlib.h>
#include <string.h>

#include "spawn.h"
#include "util.h"

static size_t base_len(const char *path, size_t len, const char **base)
{
	const char *slash = NULL;
	for (size_t i = 0; i < len; i++)
		if (path[i] == '/')
			slash = path + i;
	*base = slash ? slash + 1 : path;
	return len - (size_t)(*base - path);
}

/* A heading's path: one of the submission's files (the findings name
 * files by their base names, in whatever folder), a course header, or a
 * system header. */
static int allowed_path(const char *path, size_t len, const char *const *own)
{
	const char *base;
	size_t blen = base_len(path, len, &base);
	if (name_listed(own, base, blen))
		return 1;
	if (len > 7 && !memcmp(path, "course/", 7) && !memchr(path + 7, '/', len - 7))
		return 1;
	return len > 5 && !memcmp(path, "/usr/", 5) && !strstr(path, "/../");
}

/* Why code that names file (len bytes) cannot be linked. */
static char *claimed(const char *file, size_t len)
{
	return xasprintf("its object's line table says some of its code comes from %.*s, which is not one of the submission's files: graded code may not claim another file's name (a line directive, in any spelling)",
			 (int)(len > 200 ? 200 : len), file);
}

char *origin_line_table(const char *obj, const char *const *own, int *machine)
{
	const char *argv[] = { "readelf", "-W", "--debug-dump=decodedline", obj, NULL };
	struct spawn sp = { SPAWN_HELPER, .argv = argv };
	struct spawn_result res = SPAWN_RESULT_INIT;
	char *why = NULL;
	const char *base = "";
	size_t blen = 0;

	*machine = 0;
	if (spawn_run(&sp, &res) || res.status || res.truncated) {
		*machine = 1;
		why = xasprintf("grader: cannot read the line table of %s with readelf (install binutils: make deps): %.200s",
				obj, res.out.buf ? res.out.buf : "");
		goto out;
	}
	for (char *p = res.out.buf; p && *p && !why;) {
		char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		char *next = eol ? eol + 1 : p + len;
		if (!len || !strncmp(p, "Contents of ", 12) || !strncmp(p, "File name ", 10) ||
		    !strncmp(p, "readelf: ", 9)) {
			p = next;
			continue;
		}
		if (p[len - 1] == ':') {
			/* A heading: the file the rows below come from. */
			const char *path = p;
			size_t plen = len - 1;
			if (plen > 4 && !memcmp(path, "CU: ", 4))
				path += 4, plen -= 4;
			if (plen > 2 && !memcmp(path, "./", 2))
				path += 2, plen -= 2;
			if (!allowed_path(path, plen, own))
				why = claimed(path, plen);
			blen = base_len(path, plen, &base);
			p = next;
			continue;
		}
		/* A row: the file's name, its line, the address. */
		size_t name_len = strcspn(p, " \t\n");
		if (!(name_len == blen && !memcmp(p, base, blen)) && !name_listed(own, p, name_len))
			why = claimed(p, name_len);
		p = next;
	}
out:
	spawn_result_release(&res);
	return why;
}
