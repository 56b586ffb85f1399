/* cmd_check.c - grader check: the course proves itself
 *
 * For each topic: the reference solutions score full marks, the stubs
 * build and score 0, and every known-wrong variant fails exactly the
 * checks its spec entry declares and passes the others.
 */
#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "exitcode.h"
#include "grade.h"
#include "parallel.h"
#include "pipeline.h"
#include "spec.h"
#include "util.h"

/* One grading the check needs: a submission folder, or one exercise with
 * one file (a variant). */
struct trial {
	struct spec view;          /* the spec, or a view of one exercise */
	const char *submission;
	const char *override;
	const struct spec_variant *variant; /* a wrong variant, or NULL */
	int alternative;           /* another correct solution: must pass all */
	struct grade g;
	char *verdict;             /* NULL when the trial went as it must */
};

struct topic_check {
	struct spec spec;
	char *path;
	int lint_failed;
	struct trial *trials;      /* [0] reference, [1] stubs, then variants */
	size_t nr_trials;
	char *ref_dir, *stub_dir;
};

struct pool {
	struct context *ctx;
	struct trial **all;
	size_t count;
};

static void grade_trial(void *arg, size_t i)
{
	struct pool *p = arg;
	struct trial *t = p->all[i];
	const char *over[1] = { t->override };
	pipeline_grade(p->ctx, &t->view, t->submission, t->override ? over : NULL, &t->g);
}

static char *judge_variant(const struct trial *t)
{
	const struct exercise_result *r = &t->g.exercises[0];
	struct buf why = BUF_INIT;
	for (int c = 0; c < CHECK_COUNT; c++) {
		enum status s = exercise_status(r, (enum check)c);
		int must_fail = t->variant->fails & (1u << c);
		if (t->variant->may_fail & (1u << c))
			continue;
		if (must_fail && s != ST_FAIL)
			buf_addf(&why, "%s%s should fail but is %s", why.len ? "; " : "", check_name((enum check)c),
				 status_name(s));
		else if (!must_fail && s == ST_FAIL && !(c > CHECK_BUILD && r->build.status == ST_FAIL))
			buf_addf(&why, "%s%s should pass but failed: %s", why.len ? "; " : "",
				 check_name((enum check)c),
				 exercise_reason(r, (enum check)c));
	}
	if (!why.len && t->variant->because) {
		int found = 0;
		for (int c = 0; c < CHECK_COUNT && !found; c++) {
			const char *reason = exercise_reason(r, (enum check)c);
			found = (t->variant->fails & (1u << c)) && reason && strstr(reason, t->variant->because);
		}
		if (!found)
			buf_addf(&why, "fails, but not because of '%s': %s", t->variant->because,
				 (t->variant->fails & (1u << CHECK_COMPLEXITY)) ? r->complexity.reason
				 : (t->variant->fails & (1u << CHECK_MEMORY)) ? r->memory.reason
				 : (t->variant->fails & (1u << CHECK_TESTS)) ? r->tests.reason : r->build.reason);
	}
	return why.len ? buf_detach(&why) : (buf_release(&why), NULL);
}

static char *judge_reference(const struct grade *g)
{
	struct buf why = BUF_INIT;
	for (size_t i = 0; i < g->nr_exercises; i++) {
		const struct exercise_result *r = &g->exercises[i];
		for (int c = 0; c < CHECK_COUNT; c++) {
			enum status s = exercise_status(r, (enum check)c);
			if (s == ST_FAIL || s == ST_INCONCLUSIVE || s == ST_ERROR)
				buf_addf(&why, "%s%s: %s %s: %s", why.len ? "; " : "", r->spec->name,
					 check_name((enum check)c), status_name(s),
					 exercise_reason(r, (enum check)c));
		}
	}
	return why.len ? buf_detach(&why) : (buf_release(&why), NULL);
}

static char *judge_stubs(const struct grade *g)
{
	struct buf why = BUF_INIT;
	for (size_t i = 0; i < g->nr_exercises; i++) {
		const struct exercise_result *r = &g->exercises[i];
		if (r->build.status != ST_PASS)
			buf_addf(&why, "%sstub %s does not build: %s", why.len ? "; " : "", r->spec->name, r->build.reason);
		else if (r->score > 0)
			buf_addf(&why, "%sstub %s scores " SCORE_FMT ", not 0", why.len ? "; " : "", r->spec->name, r->score);
	}
	return why.len ? buf_detach(&why) : (buf_release(&why), NULL);
}

static void plan(struct topic_check *tc, const char *root)
{
	const struct spec *s = &tc->spec;
	size_t n = 2;
	for (size_t i = 0; i < s->nr_exercises; i++)
		n += s->exercises[i].nr_variants;
	tc->trials = xcalloc(n, sizeof(*tc->trials));
	tc->ref_dir = xasprintf("%s/solutions/%s", root, s->topic);
	tc->stub_dir = xasprintf("%s/exercises/%s", root, s->topic);
	tc->trials[0].view = *s;
	tc->trials[0].submission = tc->ref_dir;
	tc->trials[1].view = *s;
	tc->trials[1].submission = tc->stub_dir;
	size_t k = 2;
	for (size_t i = 0; i < s->nr_exercises; i++) {
		for (size_t v = 0; v < s->exercises[i].nr_variants; v++) {
			struct trial *t = &tc->trials[k++];
			t->view = *s;
			t->view.exercises = &s->exercises[i];
			t->view.nr_exercises = 1;
			t->variant = &s->exercises[i].variants[v];
			t->override = xasprintf("%s/wrong/%s", tc->ref_dir, t->variant->file);
		}
	}
	/* Other correct solutions, solutions/NN/alt/<exercise>_*.c: each
	 * must pass every check, as the reference does. */
	char *alt = path_join(tc->ref_dir, "alt");
	struct dirent **names;
	int found = scandir(alt, &names, NULL, alphasort);
	for (int f = 0; f < found; f++) {
		const char *file = names[f]->d_name;
		for (size_t i = 0; i < s->nr_exercises; i++) {
			size_t l = strlen(s->exercises[i].name);
			if (strncmp(file, s->exercises[i].name, l) || (file[l] != '_' && file[l] != '.'))
				continue;
			tc->trials = xrealloc(tc->trials, (k + 1) * sizeof(*tc->trials));
			struct trial *t = &tc->trials[k++];
			memset(t, 0, sizeof(*t));
			t->view = *s;
			t->view.exercises = &s->exercises[i];
			t->view.nr_exercises = 1;
			t->alternative = 1;
			t->override = xasprintf("%s/%s", alt, file);
			break;
		}
		free(names[f]);
	}
	if (found > 0)
		free(names);
	free(alt);
	tc->nr_trials = k;
}

static int collect_topics(const char *root, const char *topic, struct topic_check **out, size_t *count)
{
	char *dir = path_join(root, "specs");
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	size_t alloc = 0;
	*out = NULL;
	*count = 0;
	if (n < 0) {
		free(dir);
		return error("no specs folder in %s", root);
	}
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		size_t l = strlen(name);
		if (l > 5 && !strcmp(name + l - 5, ".yaml") &&
		    (!topic || (!strncmp(name, topic, strlen(topic)) &&
				(name[strlen(topic)] == '_' || name[strlen(topic)] == '.')))) {
			ALLOC_GROW(*out, *count + 1, alloc);
			memset(&(*out)[*count], 0, sizeof(**out));
			(*out)[(*count)++].path = path_join(dir, name);
		}
		free(names[i]);
	}
	free(names);
	free(dir);
	return 0;
}

static void topic_check_release(struct topic_check *tc)
{
	for (size_t k = 0; k < tc->nr_trials; k++) {
		grade_release(&tc->trials[k].g);
		free(tc->trials[k].verdict);
		free((char *)tc->trials[k].override);
	}
	free(tc->trials);
	free(tc->ref_dir);
	free(tc->stub_dir);
	spec_release(&tc->spec);
	free(tc->path);
}

/* Judges the gradings of one topic's reference, stubs, variants and
 * alternatives, and prints its row of the table with what went wrong
 * under it. Returns 1 when any of them was judged wrong, else 0. */
static int judge_topic(struct topic_check *tc, const char *root)
{
	int failed = 0;
	struct trial *ref = &tc->trials[0], *stub = &tc->trials[1];
	ref->verdict = judge_reference(&ref->g);
	stub->verdict = judge_stubs(&stub->g);
	size_t right = 0, variants = 0, alts = 0, alts_ok = 0;
	for (size_t k = 2; k < tc->nr_trials; k++) {
		struct trial *t = &tc->trials[k];
		if (t->alternative) {
			t->verdict = judge_reference(&t->g);
			alts++;
			alts_ok += !t->verdict;
		} else {
			t->verdict = judge_variant(t);
			variants++;
			right += !t->verdict;
		}
	}
	char refs[32], stubs[32], vars[32];
	snprintf(refs, sizeof(refs), SCORE_FMT "/" SCORE_FMT, ref->g.score, ref->g.max_score + ref->g.ungraded);
	snprintf(stubs, sizeof(stubs), SCORE_FMT "/" SCORE_FMT, stub->g.score, stub->g.max_score + stub->g.ungraded);
	snprintf(vars, sizeof(vars), "%zu/%zu", right, variants);
	printf("%-28s %9zu  %-12s %-10s %s", tc->spec.topic, tc->spec.nr_exercises, refs, stubs, vars);
	if (alts)
		printf("  (alternative solutions passing: %zu/%zu)", alts_ok, alts);
	putchar('\n');
	if (ref->verdict) {
		printf("    reference: %s\n", ref->verdict);
		failed = 1;
	}
	if (stub->verdict) {
		printf("    stubs: %s\n", stub->verdict);
		failed = 1;
	}
	for (size_t k = 2; k < tc->nr_trials; k++) {
		if (tc->trials[k].verdict) {
			printf("    %s: %s\n", tc->trials[k].override + strlen(root) + 1, tc->trials[k].verdict);
			failed = 1;
		}
	}
	return failed;
}

/* Close to 100 lines: option parsing, the pool of gradings, then the
 * table (judge_topic) and the exit status, in that order. */
int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "topic", required_argument, NULL, 't' }, { "root", required_argument, NULL, 'r' },
		{ "jobs", required_argument, NULL, 'j' }, { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *topic = NULL, *root_arg = NULL;
	struct context ctx = { 0 };
	int c, jobs = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "t:r:j:h", opts, NULL)) != -1) {
		switch (c) {
		case 't': topic = optarg; break;
		case 'r': root_arg = optarg; break;
		case 'j': jobs = atoi(optarg); break;
		case 'h':
			puts("usage: grader check [--topic NN] [--root DIR] [--jobs N]");
			return EXIT_PASSED;
		default:
			return EXIT_USAGE;
		}
	}
	char *root = course_root(root_arg);
	struct topic_check *topics;
	size_t nr_topics;
	int ret = EXIT_PASSED;

	if (collect_topics(root, topic, &topics, &nr_topics) || !nr_topics) {
		if (!nr_topics)
			error("no topic %s to check", topic ? topic : "at all");
		free(root);
		return EXIT_USAGE;
	}
	ctx.quiet = 1;
	ctx.jobs = 1;
	if (context_init(&ctx, root)) {
		free(root);
		return EXIT_INTERNAL;
	}

	struct pool pool = { &ctx, NULL, 0 };
	size_t alloc = 0;
	for (size_t i = 0; i < nr_topics; i++) {
		struct topic_check *tc = &topics[i];
		if (spec_load(&tc->spec, tc->path, stderr)) {
			tc->lint_failed = 1;
			ret = EXIT_FAILED;
			continue;
		}
		plan(tc, root);
		for (size_t k = 0; k < tc->nr_trials; k++) {
			ALLOC_GROW(pool.all, pool.count + 1, alloc);
			pool.all[pool.count++] = &tc->trials[k];
		}
	}

	double start = now_seconds();
	int threads = jobs > 0 ? jobs : parallel_cores();
	fprintf(stderr, "grader: checking %zu topic%s: %zu gradings on %d thread%s\n", nr_topics,
		nr_topics == 1 ? "" : "s", pool.count, threads, threads == 1 ? "" : "s");
	parallel_for(pool.count, threads, grade_trial, &pool);

	printf("%-28s %9s  %-12s %-10s %s\n", "topic", "exercises", "reference", "stubs", "wrong variants rejected for the right reason");
	for (size_t i = 0; i < nr_topics; i++) {
		struct topic_check *tc = &topics[i];
		if (tc->lint_failed) {
			printf("%-28s %9s  %s\n", base_name(tc->path), "-", "spec does not lint (see above)");
			continue;
		}
		if (judge_topic(tc, root))
			ret = EXIT_FAILED;
	}
	/* A grading that could not finish says nothing of the course's
	 * solutions: the grader's or the machine's fault (3) or the course's
	 * own files (2) wins over a check that failed. */
	for (size_t i = 0; i < nr_topics; i++)
		for (size_t k = 0; !topics[i].lint_failed && k < topics[i].nr_trials; k++)
			if (grade_incomplete(&topics[i].trials[k].g)) {
				int code = grade_exit_code(&topics[i].trials[k].g);
				ret = ret == EXIT_INTERNAL || code == EXIT_INTERNAL ? EXIT_INTERNAL : EXIT_COURSE;
			}
	size_t passed = 0, failed = 0;
	for (size_t i = 0; i < nr_topics; i++) {
		if (topics[i].lint_failed) {
			failed++;
			continue;
		}
		for (size_t k = 0; k < topics[i].nr_trials; k++)
			topics[i].trials[k].verdict ? failed++ : passed++;
	}
	printf("%s in %.0f s (each grading of a reference, the stubs, a variant or an alternative counts once)\n",
	       ret == EXIT_PASSED ? "course check passed" : "course check FAILED", now_seconds() - start);
	printf("course: %zu passed, %zu failed\n", passed, failed);

	for (size_t i = 0; i < nr_topics; i++)
		topic_check_release(&topics[i]);
	free(topics);
	free(pool.all);
	context_release(&ctx);
	free(root);
	return ret;
}
