/* cmd_batch.c - grader batch: grade a class, one folder per student, into a CSV
 *
 * Every subfolder of --submissions is one student's submission, graded
 * several at once (the pipeline is thread-safe; one shared context, as in
 * cmd_check.c). Each gets report.json and report.txt in its own folder
 * under --reports, and a stamp: a hash of what its grade depends on and the
 * scores. A rerun reuses the grade of a submission whose stamp still
 * matches, so re-grading a class after a few late submissions costs only
 * those.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "report/escape.h"
#include "exitcode.h"
#include "grade.h"
#include "report/report.h"
#include "parallel.h"
#include "roster.h"
#include "pipeline.h"
#include "spec.h"
#include "util.h"

#define STAMP_NAME ".grade-stamp"
#define STAMP_MAGIC "memgrade-batch 2"

struct student {
	char *id;          /* the folder's name */
	char *dir;         /* the submission */
	char *report_dir;  /* its reports and stamp */
	uint64_t hash;
	int unchanged;     /* graded before from the same inputs: stamp reused */
	int failed;        /* its reports could not be written */
	double total, max;
	double *scores;    /* per exercise of the spec */
	struct roster_student roster; /* what the class page shows of it */
	char *errored;     /* per exercise: some check could not be graded */
	int error_code;    /* grade_exit_code when the grade is incomplete (2 or 3), else 0 */
};

struct batch {
	struct context *ctx;
	const struct spec *spec;
	uint64_t base_hash;  /* spec, spec folder, grader binary */
	struct student *students;
	size_t count, done, unchanged;
	int progress;        /* stderr is a terminal: one line, redrawn */
	double start;
	pthread_mutex_t lock;
};

/* FNV-1a, 64 bits: to notice changes, not to resist forgery (a student
 * who made a collision would only keep their previous grade). */
static void hash_bytes(uint64_t *h, const void *data, size_t len)
{
	*h = hash_fnv1a(*h, data, len);
}

/* Length first, so that ("ab", "c") and ("a", "bc") differ. */
static void hash_field(uint64_t *h, const void *data, size_t len)
{
	uint64_t n = len;
	hash_bytes(h, &n, sizeof(n));
	hash_bytes(h, data, len);
}

static int hash_file(uint64_t *h, const char *path)
{
	struct buf b = BUF_INIT;
	int ret = read_file(&b, path);
	if (!ret)
		hash_field(h, b.buf, b.len);
	buf_release(&b);
	return ret;
}

static int not_hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static int is_c_file(const struct dirent *e)
{
	size_t l = strlen(e->d_name);
	return e->d_name[0] != '.' && l > 2 && !strcmp(e->d_name + l - 2, ".c");
}

/* Names and contents of the files under dir (all of them, or only *.c at
 * the top when c_only), in sorted order. */
static void hash_tree(uint64_t *h, const char *dir, int c_only)
{
	struct dirent **names;
	int n = scandir(dir, &names, c_only ? is_c_file : not_hidden, alphasort);
	for (int i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]->d_name);
		struct stat st;
		if (!stat(path, &st) && (S_ISREG(st.st_mode) || (!c_only && S_ISDIR(st.st_mode)))) {
			hash_field(h, names[i]->d_name, strlen(names[i]->d_name));
			if (S_ISDIR(st.st_mode))
				hash_tree(h, path, 0);
			else if (hash_file(h, path))
				hash_field(h, "unreadable", 10);
		}
		free(path);
		free(names[i]);
	}
	if (n >= 0)
		free(names);
}

/* What every grade of this run depends on: the spec, the course's files
 * for the topic (tests, headers, drivers), the grader binary, the meter. */
static uint64_t base_hash(const struct spec *spec, const struct context *ctx)
{
	uint64_t h = HASH_FNV_INIT;
	struct stat st;
	hash_field(&h, STAMP_MAGIC, strlen(STAMP_MAGIC));
	if (hash_file(&h, spec->path))
		hash_field(&h, "no spec", 7);
	if (spec->dir)
		hash_tree(&h, spec->dir, 0);
	if (!stat("/proc/self/exe", &st)) {
		int64_t mtime[2] = { (int64_t)st.st_mtim.tv_sec, (int64_t)st.st_mtim.tv_nsec };
		hash_bytes(&h, mtime, sizeof(mtime));
	}
	int meter[2] = { ctx->force_meter, (int)ctx->meter };
	hash_bytes(&h, meter, sizeof(meter));
	return h;
}

/* Reads a stamp: 0 and the scores when it holds hash and the spec's
 * exercises, -1 otherwise (missing, stale, or written by another grader). */
static int read_stamp(struct student *s, const struct spec *spec)
{
	char *path = path_join(s->report_dir, STAMP_NAME);
	char *json = path_join(s->report_dir, "report.json");
	struct buf b = BUF_INIT;
	int ret = -1;

	if (read_file(&b, path) || !file_exists(json))
		goto out;
	char *line = b.buf, *eol;
	uint64_t hash;
	size_t k = 0;
	if (strncmp(line, STAMP_MAGIC "\n", strlen(STAMP_MAGIC) + 1))
		goto out;
	line += strlen(STAMP_MAGIC) + 1;
	if (sscanf(line, "hash %" SCNx64, &hash) != 1 || hash != s->hash)
		goto out;
	if (!(line = strchr(line, '\n')) || sscanf(line + 1, "score %lf %lf", &s->total, &s->max) != 2)
		goto out;
	for (line = strchr(line + 1, '\n'); line && line[1]; line = eol) {
		char name[256];
		double v;
		eol = strchr(line + 1, '\n');
		if (eol)
			*eol = '\0';
		int got = roster_read_line(&s->roster, spec->nr_exercises, line + 1);
		if (eol)
			*eol = '\n';
		if (got < 0)
			goto out;
		if (got)
			continue;
		if (sscanf(line + 1, "exercise %255s %lf", name, &v) != 2 || k >= spec->nr_exercises ||
		    strcmp(name, spec->exercises[k].name))
			goto out;
		s->scores[k++] = v;
	}
	ret = k == spec->nr_exercises ? 0 : -1;
	s->roster.total = s->total;
	s->roster.max = s->max;
out:
	buf_release(&b);
	free(path);
	free(json);
	return ret;
}

/* Writes path whole or not at all (atomic_open). */
enum report_kind { REPORT_TEXT, REPORT_JSON, REPORT_HTML };

static int write_report(const char *path, const struct grade *g, enum report_kind kind)
{
	struct atomic_file a;
	FILE *out = atomic_open(path, &a);
	if (!out)
		return -1;
	if (kind == REPORT_JSON)
		report_json(out, g);
	else if (kind == REPORT_HTML)
		report_html(out, g);
	else
		report_text(out, g, 0, 0);
	return atomic_close(&a);
}

static int write_stamp(const struct student *s, const struct spec *spec)
{
	struct buf b = BUF_INIT;
	char *path = path_join(s->report_dir, STAMP_NAME);

	buf_addf(&b, "%s\nhash %016" PRIx64 "\nscore %.17g %.17g\n", STAMP_MAGIC, s->hash, s->total, s->max);
	for (size_t i = 0; i < spec->nr_exercises; i++)
		buf_addf(&b, "exercise %s %.17g\n", spec->exercises[i].name, s->scores[i]);
	roster_write(&b, &s->roster, spec->nr_exercises);
	int ret = write_file_atomic(path, b.buf, b.len);
	buf_release(&b);
	free(path);
	return ret;
}

static void grade_student(struct batch *b, struct student *s)
{
	struct grade g = { 0 };
	char *json, *text, *html;

	s->hash = b->base_hash;
	hash_tree(&s->hash, s->dir, 1);
	if (!read_stamp(s, b->spec)) {
		s->unchanged = 1;
		return;
	}
	pipeline_grade(b->ctx, b->spec, s->dir, NULL, &g);
	s->total = g.score;
	s->max = g.max_score + g.ungraded;
	for (size_t i = 0; i < g.nr_exercises; i++) {
		s->scores[i] = g.exercises[i].score;
		s->errored[i] = g.exercises[i].ungraded > 0;
	}
	s->error_code = grade_incomplete(&g) ? grade_exit_code(&g) : 0;
	roster_from_grade(&s->roster, &g);

	json = path_join(s->report_dir, "report.json");
	text = path_join(s->report_dir, "report.txt");
	html = path_join(s->report_dir, "report.html");
	if (mkdir_p(s->report_dir, 0755)) {
		error("cannot create %s: %s", s->report_dir, strerror(errno));
		s->failed = 1;
	} else {
		/* The stamp goes last: without the reports there is none. An
		 * incomplete grade gets none: the next run tries again. */
		s->failed = write_report(json, &g, REPORT_JSON) || write_report(text, &g, REPORT_TEXT) ||
			    write_report(html, &g, REPORT_HTML) || (!s->error_code && write_stamp(s, b->spec));
	}
	free(json);
	free(text);
	free(html);
	grade_release(&g);
}

static void grade_one(void *arg, size_t i)
{
	struct batch *b = arg;
	struct student *s = &b->students[i];
	grade_student(b, s);

	pthread_mutex_lock(&b->lock);
	b->done++;
	b->unchanged += s->unchanged;
	/* On a terminal one line, redrawn; elsewhere (a CI log) one line per
	 * student, so the log shows how far it got. */
	fprintf(stderr, b->progress ? "\r\033[Kgrader: %zu/%zu (%zu unchanged) %.0f s: " : "grader: %zu/%zu (%zu unchanged) %.0f s: ",
		b->done, b->count, b->unchanged, now_seconds() - b->start);
	term_text(stderr, s->id);
	if (s->error_code)
		fprintf(stderr, " error (could not be graded)");
	else
		fprintf(stderr, " " SCORE_FMT "/" SCORE_FMT "%s", s->total, s->max, s->unchanged ? " (unchanged)" : "");
	fputs(b->progress ? "" : "\n", stderr);
	fflush(stderr);
	pthread_mutex_unlock(&b->lock);
}

static int write_csv(const char *path, const struct batch *b)
{
	struct atomic_file a;
	FILE *out = atomic_open(path, &a);
	if (!out)
		return -1;
	fputs("id,total,max", out);
	for (size_t i = 0; i < b->spec->nr_exercises; i++) {
		fputc(',', out);
		csv_field(out, b->spec->exercises[i].name);
	}
	fputs("\n", out);
	for (size_t k = 0; k < b->count; k++) {
		const struct student *s = &b->students[k];
		csv_field(out, s->id);
		/* A grade that could not be finished is not a low one: it
		 * says error, in the total and in each exercise it touched. */
		if (s->error_code)
			fprintf(out, ",error," SCORE_FMT, s->max);
		else
			fprintf(out, "," SCORE_FMT "," SCORE_FMT, s->total, s->max);
		for (size_t i = 0; i < b->spec->nr_exercises; i++)
			if (s->errored[i])
				fputs(",error", out);
			else
				fprintf(out, "," SCORE_FMT, s->scores[i]);
		fputs("\n", out);
	}
	return atomic_close(&a);
}

/* The student folders of dir, sorted by name; hidden ones, plain files and
 * the reports folder itself (when it is inside dir) left out. With shards
 * > 1, only every shards-th from the shard-th (0-based). */
static int collect(struct batch *b, const char *dir, const char *reports, unsigned shard, unsigned shards)
{
	struct dirent **names;
	int n = scandir(dir, &names, not_hidden, alphasort);
	char *reports_abs = abs_path(reports);
	size_t alloc = 0, index = 0;

	if (n < 0) {
		free(reports_abs);
		return error("cannot read the submissions folder %s: %s", dir, strerror(errno));
	}
	for (int i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]->d_name);
		char *real = abs_path(path);
		struct stat st;
		if (real && !stat(real, &st) && S_ISDIR(st.st_mode) &&
		    !(reports_abs && !strcmp(real, reports_abs)) && index++ % shards == shard) {
			ALLOC_GROW(b->students, b->count + 1, alloc);
			struct student *s = &b->students[b->count++];
			memset(s, 0, sizeof(*s));
			s->id = xstrdup(names[i]->d_name);
			s->dir = real;
			real = NULL;
			s->report_dir = path_join(reports, names[i]->d_name);
			s->scores = xcalloc(b->spec->nr_exercises ? b->spec->nr_exercises : 1, sizeof(*s->scores));
			s->roster.ex = xcalloc(b->spec->nr_exercises ? b->spec->nr_exercises : 1, sizeof(*s->roster.ex));
			s->errored = xcalloc(b->spec->nr_exercises ? b->spec->nr_exercises : 1, 1);
		}
		free(real);
		free(path);
		free(names[i]);
	}
	free(names);
	free(reports_abs);
	return 0;
}

/* An output file can be written: a name, in a folder that exists and is
 * writable, not a folder itself. Checked before any grading, so a typo
 * costs a second, not a class's grading. Returns 0 or -1 with a message. */
static int check_output(const char *option, const char *path)
{
	struct stat st;
	if (!path || !*path)
		return error("%s needs a file name", option);
	if (!stat(path, &st) && S_ISDIR(st.st_mode))
		return error("%s %s is a folder, not a file", option, path);
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path + (slash == path))) : xstrdup(".");
	int ret = 0;
	if (stat(dir, &st) || !S_ISDIR(st.st_mode))
		ret = error("%s %s: the folder %s does not exist", option, path, dir);
	else if (access(dir, W_OK))
		ret = error("%s %s: cannot write in %s: %s", option, path, dir, strerror(errno));
	free(dir);
	return ret;
}

/* The class page links each student's report by a path relative to it
 * when the reports are below the page's folder, else by absolute path. */
static char *report_link(const char *page, const char *report_dir)
{
	char *page_abs = abs_path(page), *dir_abs = abs_path(report_dir), *link;
	char *slash = page_abs ? strrchr(page_abs, '/') : NULL;
	if (slash)
		*slash = '\0';
	size_t l = page_abs ? strlen(page_abs) : 0;
	if (page_abs && dir_abs && !strncmp(dir_abs, page_abs, l) && dir_abs[l] == '/')
		link = xasprintf("%s/report.html", dir_abs + l + 1);
	else
		link = xasprintf("%s/report.html", dir_abs ? dir_abs : report_dir);
	free(page_abs);
	free(dir_abs);
	return link;
}

static int write_class(const char *path, const struct batch *b, int html)
{
	struct roster r = { b->spec, xcalloc(b->count ? b->count : 1, sizeof(struct roster_student)), b->count };
	struct atomic_file a;
	FILE *out = atomic_open(path, &a);
	int ret = -1;

	for (size_t i = 0; i < b->count; i++) {
		r.students[i] = b->students[i].roster;
		r.students[i].id = b->students[i].id;
		r.students[i].report = html ? report_link(path, b->students[i].report_dir) : NULL;
	}
	if (out) {
		if (html)
			report_class_html(out, &r);
		else
			report_class_json(out, &r);
		ret = atomic_close(&a);
	}
	for (size_t i = 0; i < b->count; i++)
		free(r.students[i].report);
	free(r.students);
	return ret;
}

static int batch_usage(FILE *out)
{
	fputs("usage: grader batch --topic NN --submissions DIR --csv FILE [--reports DIR] [--jobs N]\n"
	      "                    [--html FILE] [--summary FILE]\n"
	      "                    [--shard I/K] [--force] [--spec FILE] [--root DIR] [--meter instructions|time]\n"
	      "\n"
	      "Grades every subfolder of DIR (one per student) and writes one CSV row each:\n"
	      "id,total,max,<exercise>,... Reports go to DIR-of-CSV/reports/<id>/ by default.\n"
	      "A submission whose .c files, spec and grader have not changed since the last run\n"
	      "is not graded again (--force grades all). --shard I/K grades only the I-th of\n"
	      "every K submissions (0-based), for splitting a class across CI jobs.\n"
	      "--html writes the class page (distribution, pass rates, growth classes, heap,\n"
	      "common failures, students to look at, a table linking each report); --summary\n"
	      "the same figures as JSON. Every argument is checked before any grading.\n", out);
	return out == stdout ? EXIT_PASSED : EXIT_USAGE;
}

/* Where the students' reports go: reports_arg, else reports/ beside the
 * CSV file. The caller frees it. */
static char *reports_folder(const char *csv, const char *reports_arg)
{
	if (reports_arg)
		return xstrdup(reports_arg);
	const char *slash = strrchr(csv, '/');
	char *dir = slash ? xstrndup(csv, (size_t)(slash - csv + (slash == csv))) : xstrdup(".");
	char *reports = path_join(dir, "reports");
	free(dir);
	return reports;
}

/* Writes the CSV and the class reports asked for, says what was done, and
 * returns the batch's exit status: a student's fail is their grade; a
 * check that could not be graded is the grader's, the machine's (3) or
 * the course's (2); a report not written is the grader's (3). */
static int batch_finish(struct batch *b, const char *csv, const char *html, const char *summary,
			const char *reports)
{
	size_t failed = 0, errors = 0;
	int worst = EXIT_PASSED;

	for (size_t i = 0; i < b->count; i++) {
		failed += b->students[i].failed;
		errors += !!b->students[i].error_code;
		if (b->students[i].error_code > worst)
			worst = b->students[i].error_code;
	}
	int unwritten = write_csv(csv, b);
	if (html)
		unwritten |= write_class(html, b, 1);
	if (summary)
		unwritten |= write_class(summary, b, 0);
	fprintf(stderr, "grader: %zu submission%s of %s in %.0f s: %zu graded, %zu unchanged%s; grades in %s, reports in %s\n",
		b->count, b->count == 1 ? "" : "s", b->spec->topic, now_seconds() - b->start, b->count - b->unchanged,
		b->unchanged, failed ? ", some reports not written (above)" : "", csv, reports);
	if (errors)
		fprintf(stderr, "grader: %zu submission%s could not be fully graded (\"error\" in the CSV; their reports say why); fix the cause and run again: only they are graded again\n",
			errors, errors == 1 ? "" : "s");
	return unwritten || failed ? EXIT_INTERNAL : worst;
}

static void batch_release(struct batch *b, size_t nr_exercises)
{
	for (size_t i = 0; i < b->count; i++) {
		free(b->students[i].id);
		free(b->students[i].dir);
		free(b->students[i].report_dir);
		free(b->students[i].scores);
		b->students[i].roster.id = NULL;
		roster_student_release(&b->students[i].roster, nr_exercises);
		free(b->students[i].errored);
	}
	free(b->students);
}

/* Longer than 100 lines because every argument and output path is
 * checked before the first grading (the issue of a batch that failed after
 * grading a whole class); the work is in collect, grade_one and
 * batch_finish. */
int cmd_batch(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "topic", required_argument, NULL, 't' }, { "submissions", required_argument, NULL, 's' },
		{ "csv", required_argument, NULL, 'c' }, { "reports", required_argument, NULL, 'R' },
		{ "jobs", required_argument, NULL, 'j' }, { "shard", required_argument, NULL, 'x' },
		{ "force", no_argument, NULL, 'f' }, { "spec", required_argument, NULL, 'S' },
		{ "root", required_argument, NULL, 'r' }, { "meter", required_argument, NULL, 'm' },
		{ "html", required_argument, NULL, 'H' }, { "summary", required_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' }, { NULL, 0, NULL, 0 }
	};
	const char *topic = NULL, *submissions = NULL, *csv = NULL, *reports_arg = NULL;
	const char *spec_arg = NULL, *root_arg = NULL, *html = NULL, *summary = NULL;
	struct context ctx = { 0 };
	unsigned shard = 0, shards = 1;
	int jobs = 0, force = 0, c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "t:s:c:R:j:x:fS:r:m:H:J:h", opts, NULL)) != -1) {
		switch (c) {
		case 't': topic = optarg; break;
		case 's': submissions = optarg; break;
		case 'c': csv = optarg; break;
		case 'R': reports_arg = optarg; break;
		case 'j': jobs = atoi(optarg); break;
		case 'x':
			if (sscanf(optarg, "%u/%u", &shard, &shards) != 2 || !shards || shard >= shards)
				return error("--shard wants I/K with 0 <= I < K, not '%s'", optarg), EXIT_USAGE;
			break;
		case 'f': force = 1; break;
		case 'S': spec_arg = optarg; break;
		case 'r': root_arg = optarg; break;
		case 'm':
			if (parse_meter(optarg, &ctx))
				return EXIT_USAGE;
			break;
		case 'H': html = optarg; break;
		case 'J': summary = optarg; break;
		case 'h': return batch_usage(stdout);
		default: return batch_usage(stderr);
		}
	}
	if ((!topic && !spec_arg) || !submissions || !*submissions || !csv || !*csv) {
		error("batch needs --topic, --submissions and --csv (make batch TOPIC=03 SUBMISSIONS=dir CSV=grades.csv; grader batch --help)");
		return EXIT_USAGE;
	}
	struct stat sub_st;
	if (stat(submissions, &sub_st) || !S_ISDIR(sub_st.st_mode))
		return error("--submissions %s is not a folder", submissions), EXIT_USAGE;
	if (check_output("--csv", csv) || (html && check_output("--html", html)) ||
	    (summary && check_output("--summary", summary)))
		return EXIT_USAGE;

	char *root = course_root(root_arg);
	char *spec_path = spec_arg ? xstrdup(spec_arg) : topic_spec_path(root, topic);
	char *reports = NULL;
	struct spec spec = SPEC_INIT;
	struct batch b = { 0 };
	int ret = EXIT_USAGE;

	b.lock = (pthread_mutex_t)PTHREAD_MUTEX_INITIALIZER;
	if (!spec_path)
		goto out;
	if (spec_load(&spec, spec_path, stderr)) {
		error("%s has problems (above): fix the spec before grading", spec_path);
		goto out;
	}
	reports = reports_folder(csv, reports_arg);
	if (mkdir_p(reports, 0755)) {
		error("cannot create %s: %s", reports, strerror(errno));
		goto out;
	}
	b.spec = &spec;
	if (collect(&b, submissions, reports, shard, shards))
		goto out;
	if (force)
		for (size_t i = 0; i < b.count; i++) {
			char *stamp = path_join(b.students[i].report_dir, STAMP_NAME);
			unlink(stamp);
			free(stamp);
		}

	ret = EXIT_INTERNAL;
	ctx.quiet = 1;
	ctx.jobs = 1;
	if (context_init(&ctx, root))
		goto out;
	b.ctx = &ctx;
	b.base_hash = base_hash(&spec, &ctx);
	b.progress = isatty(2);
	b.start = now_seconds();

	int threads = jobs > 0 ? jobs : parallel_cores();
	if ((size_t)threads > b.count)
		threads = b.count ? (int)b.count : 1;
	fprintf(stderr, "grader: grading %zu submission%s of %s, %d at a time%s", b.count,
		b.count == 1 ? "" : "s", spec.topic, threads, b.progress ? "" : "\n");
	parallel_for(b.count, threads, grade_one, &b);
	if (b.progress)
		fputs("\r\033[K", stderr);

	ret = batch_finish(&b, csv, html, summary, reports);
out:
	batch_release(&b, spec.nr_exercises);
	context_release(&ctx);
	spec_release(&spec);
	free(reports);
	free(spec_path);
	free(root);
	return ret;
}
