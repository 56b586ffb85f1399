#!/bin/sh
# official.sh - official grading: the instructor's course grades a student's
# exercise files, and nothing else the student's repository holds.
#
# usage: ci/official.sh COURSE_DIR STUDENT_DIR [REPORTS]
#   COURSE_DIR   the instructor's course (a checkout at the pinned ref)
#   STUDENT_DIR  the student's repository (a checkout of the push)
#   REPORTS      the folder for the reports; default: reports (one folder per
#                topic, as ci/grade.sh writes, plus COURSE_REF)
# environment:
#   TOPICS         the topics to grade, e.g. "03 05"; default: every topic
#                  whose exercises/NN_topic/ folder the student has
#   COURSE_REF     the course's version, for the reports; default: the
#                  commit of COURSE_DIR (git), else "unknown"
#   FORMAT         what goes to stdout: text (default), github, ...
#   OFFICIAL_DROP_COURSE=1  remove COURSE_DIR once the grading tree is made,
#                  so that no reference answer is on disk while the
#                  student's code runs (CI sets it; never on your own course)
#
# How: the course's grader writes the grading tree from the course
# ("grader release --official": the grader, specs, public and private
# tests, no solutions/); from STUDENT_DIR only exercises/NN_topic/*.c and
# *.h are copied, regular files only, into a fresh folder; that folder is
# graded with the tree's grader and spec. The student's specs, tests,
# grader, Makefile and workflows are never read.
#
# Exit status: the worst of the gradings': 0 every check passed, 1 some
# check failed, 2 a usage or spec error, 3 the grader could not work.
set -u

usage() {
	sed -n '5,28p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}
[ $# -ge 2 ] && [ $# -le 3 ] || usage
course=$1
student=$2
reports=${3:-reports}
FORMAT=${FORMAT:-text}
[ -d "$course/specs" ] || { echo "official.sh: no course at '$course' (no specs/)" >&2; exit 2; }
[ -d "$student" ] || { echo "official.sh: no student folder '$student'" >&2; exit 2; }
course=$(cd "$course" && pwd) || exit 2
student=$(cd "$student" && pwd) || exit 2

ref=${COURSE_REF:-}
[ -n "$ref" ] || ref=$(git -C "$course" rev-parse HEAD 2>/dev/null) || ref=
[ -n "$ref" ] || ref=unknown

if ! make -C "$course" --no-print-directory -s CI=false build/grader >&2; then
	echo "official.sh: could not build the course's grader (above)" >&2
	exit 3
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/official.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
# the grader runs compilers and tests as an unprivileged user when it is
# root: they read the grading tree
chmod 755 "$work" || exit 3
tree=$work/course
if ! "$course/build/grader" release --root "$course" --official --ref "$ref" --out "$tree" >&2; then
	echo "official.sh: could not make the grading tree from the course (above)" >&2
	exit 3
fi
mkdir -p "$tree/build" && cp "$course/build/grader" "$tree/build/grader" || exit 3
if [ "${OFFICIAL_DROP_COURSE:-}" = 1 ]; then
	rm -rf "$course"
fi

# The topics: as asked, else every one the student has a folder for.
topics=${TOPICS:-}
if [ -z "$topics" ]; then
	for spec in "$tree"/specs/*.yaml; do
		name=$(basename "$spec" .yaml)
		[ -d "$student/exercises/$name" ] && topics="$topics ${name%%_*}"
	done
fi

mkdir -p "$reports" || exit 3
printf '%s\n' "$ref" > "$reports/COURSE_REF"
status=0
for t in $topics; do
	spec=$(ls "$tree/specs/$t"_*.yaml 2>/dev/null | head -n 1)
	if [ -z "$spec" ]; then
		echo "official.sh: no topic '$t' in the course" >&2
		[ $status -lt 2 ] && status=2
		continue
	fi
	name=$(basename "$spec" .yaml)
	sub=$work/student/exercises/$name
	mkdir -p "$sub" || exit 3
	# Only the exercise files, only regular files: a link, a folder or
	# anything else the student put there is not taken.
	dir=$student/exercises/$name
	if [ -d "$dir" ] && [ ! -L "$student/exercises" ] && [ ! -L "$dir" ]; then
		find "$dir" -maxdepth 1 -type f \( -name '*.c' -o -name '*.h' \) -exec cp {} "$sub/" \;
	fi
	out=$reports/$name
	mkdir -p "$out" || exit 3
	printf '%s\n' "$ref" > "$out/COURSE_REF"
	echo "official grading of $name by the course at $ref" >&2
	set -- grade --root "$tree" --topic "$t" --submission "$sub" --format "$FORMAT"
	# annotations name the files as they are in the student's repository
	[ "$FORMAT" = github ] && set -- "$@" --annotate-root "$work/student"
	"$tree/build/grader" "$@" \
		--report json="$out/report.json" --report html="$out/report.html" \
		--report text="$out/report.txt" --report tap="$out/report.tap" \
		--report junit="$out/junit.xml" --report gradescope="$out/results.json"
	code=$?
	{ echo "Official grading, by the course at $ref"; echo; cat "$out/report.txt" 2>/dev/null; } > "$out/report.tmp" &&
		mv "$out/report.tmp" "$out/report.txt"
	if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
		printf '\nOfficial grading of %s by the course at `%s`\n' "$name" "$ref" >> "$GITHUB_STEP_SUMMARY"
	fi
	[ $code -gt $status ] && status=$code
done
[ -n "$topics" ] || echo "official.sh: no topic to grade" >&2
exit $status
