/* test_spec_doc.c - docs/spec.md lists every key the spec loader accepts,
 * and no key it refuses: the manual cannot drift from spec.c */
#include <criterion/criterion.h>

#include <stdlib.h>
#include <string.h>

#include "spec.h"
#include "util.h"

#define DOC "../../docs/spec.md"

/* Where the manual documents each map: the heading of its part and the
 * first header cell of its key table there. */
static const struct {
	const char *section; /* as spec_known_keys() names it */
	const char *heading;
	const char *header;
} places[] = {
	{ "top", "## The top level", "key" },
	{ "exercise", "## An exercise", "key" },
	{ "points", "### `points`", "key" },
	{ "tests", "### `tests`", "key" },
	{ "complexity", "### `complexity`", "key" },
	{ "sizes", "### `complexity`", "ladder key" },
	{ "memory", "### `memory`", "key" },
	{ "variant", "### `variants`", "key" },
};

#define NR_PLACES (sizeof(places) / sizeof(places[0]))
#define MAX_KEYS 64

struct doc_keys {
	char *keys[MAX_KEYS];
	size_t nr;
	int found_heading, found_table;
};

static size_t heading_level(const char *line)
{
	size_t n = 0;
	while (line[n] == '#')
		n++;
	return n && line[n] == ' ' ? n : 0;
}

/* The first cell of a table row "| a | b |", without backticks and the
 * spaces around it, in out; 0 when line is not a row. */
static int first_cell(const char *line, char *out, size_t size)
{
	if (line[0] != '|')
		return 0;
	const char *p = line + 1, *end = strchr(p, '|');
	if (!end)
		return 0;
	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	size_t o = 0;
	for (; p < end; p++)
		if (*p != '`' && o + 1 < size)
			out[o++] = *p;
	out[o] = '\0';
	return 1;
}

/* The keys of the table headed `header` in the part under `heading`, up
 * to the next heading (a subsection has tables of its own); fenced code
 * is skipped (its "# comment" lines are not headings). */
static void doc_keys(const char *doc, const char *heading, const char *header, struct doc_keys *out)
{
	char *copy = xstrdup(doc), *next = copy;
	int inside = 0, fence = 0, in_table = 0;
	char cell[128];

	memset(out, 0, sizeof(*out));
	/* not strtok: a blank line ends a table */
	while (next) {
		char *line = strsep(&next, "\n");
		if (!strncmp(line, "```", 3)) {
			fence = !fence;
			continue;
		}
		if (fence)
			continue;
		if (heading_level(line)) {
			if (inside)
				break;
			if (!strcmp(line, heading)) {
				inside = 1;
				out->found_heading = 1;
			}
			in_table = 0;
			continue;
		}
		if (!inside)
			continue;
		if (!first_cell(line, cell, sizeof(cell))) {
			in_table = 0;
			continue;
		}
		if (!strncmp(line, "|---", 4) || !strncmp(line, "| ---", 5))
			continue;
		if (!in_table) {
			/* a header row: is it the table we want? */
			in_table = !strcmp(cell, header) ? 1 : -1;
			out->found_table |= in_table == 1;
			continue;
		}
		if (in_table == 1 && out->nr < MAX_KEYS)
			out->keys[out->nr++] = xstrdup(cell);
	}
	free(copy);
}

static void doc_keys_release(struct doc_keys *d)
{
	for (size_t i = 0; i < d->nr; i++)
		free(d->keys[i]);
	d->nr = 0;
}

static int listed(const char *const *keys, const char *key)
{
	for (size_t i = 0; keys[i]; i++)
		if (!strcmp(keys[i], key))
			return 1;
	return 0;
}

static char *read_doc(void)
{
	struct buf b = BUF_INIT;
	cr_assert_eq(read_file(&b, DOC), 0, "cannot read %s (the tests run in grader/tests)", DOC);
	return buf_detach(&b);
}

static size_t place_of(const char *section)
{
	for (size_t i = 0; i < NR_PLACES; i++)
		if (!strcmp(places[i].section, section))
			return i;
	return NR_PLACES;
}

Test(spec_doc, every_accepted_key_is_documented)
{
	char *doc = read_doc();
	const struct spec_keys *known = spec_known_keys();
	size_t checked = 0;

	for (size_t s = 0; known[s].section; s++) {
		size_t p = place_of(known[s].section);
		cr_expect_neq(p, NR_PLACES, "spec.c has a map '%s' that this test does not place in %s: "
			      "document its keys and add it to places[]", known[s].section, DOC);
		if (p == NR_PLACES)
			continue;
		struct doc_keys d;
		doc_keys(doc, places[p].heading, places[p].header, &d);
		cr_expect(d.found_heading, "%s has no heading '%s'", DOC, places[p].heading);
		cr_expect(d.found_table, "%s: no table headed '| %s |' under '%s'", DOC,
			  places[p].header, places[p].heading);
		for (size_t k = 0; known[s].keys[k]; k++) {
			int found = 0;
			for (size_t i = 0; i < d.nr; i++)
				found |= !strcmp(d.keys[i], known[s].keys[k]);
			cr_expect(found, "key '%s' of '%s' is accepted by spec.c but not in the table "
				  "under '%s' in %s", known[s].keys[k], known[s].section,
				  places[p].heading, DOC);
			checked++;
		}
		doc_keys_release(&d);
	}
	cr_expect_gt(checked, 30, "only %zu keys: spec_known_keys() looks incomplete", checked);
	free(doc);
}

Test(spec_doc, every_documented_key_is_accepted)
{
	char *doc = read_doc();
	const struct spec_keys *known = spec_known_keys();

	for (size_t p = 0; p < NR_PLACES; p++) {
		size_t s = 0;
		while (known[s].section && strcmp(known[s].section, places[p].section))
			s++;
		cr_expect(known[s].section, "places[] names a map '%s' that spec.c does not have",
			  places[p].section);
		if (!known[s].section)
			continue;
		struct doc_keys d;
		doc_keys(doc, places[p].heading, places[p].header, &d);
		for (size_t i = 0; i < d.nr; i++)
			cr_expect(listed(known[s].keys, d.keys[i]), "%s documents key '%s' under '%s', "
				  "but spec.c does not accept it there", DOC, d.keys[i], places[p].heading);
		doc_keys_release(&d);
	}
	free(doc);
}

/* The reader of the manual itself: a row of another table, of a
 * subsection, or a fenced "# comment", must not count. */
Test(spec_doc, reader_keeps_to_its_table)
{
	static const char doc[] =
		"## A\n"
		"```yaml\n"
		"# not a heading\n"
		"```\n"
		"| key | type |\n"
		"|---|---|\n"
		"| `one` | x |\n"
		"| `two` | y |\n"
		"\n"
		"| ladder key | type |\n"
		"|---|---|\n"
		"| `three` | z |\n"
		"### B\n"
		"| key | type |\n"
		"|---|---|\n"
		"| `four` | x |\n"
		"## C\n"
		"| key |\n"
		"|---|\n"
		"| `five` |\n";
	struct doc_keys d;

	doc_keys(doc, "## A", "key", &d);
	cr_assert_eq(d.nr, 2, "got %zu keys", d.nr);
	cr_expect_str_eq(d.keys[0], "one");
	cr_expect_str_eq(d.keys[1], "two");
	doc_keys_release(&d);

	doc_keys(doc, "## A", "ladder key", &d);
	cr_assert_eq(d.nr, 1);
	cr_expect_str_eq(d.keys[0], "three");
	doc_keys_release(&d);

	doc_keys(doc, "### B", "key", &d);
	cr_assert_eq(d.nr, 1);
	cr_expect_str_eq(d.keys[0], "four");
	doc_keys_release(&d);

	doc_keys(doc, "## Missing", "key", &d);
	cr_expect(!d.found_heading);
	cr_expect_eq(d.nr, 0);
}
