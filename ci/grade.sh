#!/bin/sh
# grade.sh - grade one topic of a submission in any CI: install what is
# missing (as root), build the grader, grade once, write every report.
#
# usage: ci/grade.sh TOPIC [SUBMISSION [REPORTS]]
#   TOPIC       e.g. 03
#   SUBMISSION  the folder to grade; default (or ""): the course's exercises/NN_topic/
#   REPORTS     the folder for the reports; default (or ""): reports/NN_topic
#               report.json, report.html, report.txt, report.tap, junit.xml,
#               and results.json (Gradescope's name for its format)
# environment:
#   FORMAT         what goes to stdout: text (default), github (annotations;
#                  also appends to $GITHUB_STEP_SUMMARY), tap, json, ...
#   ANNOTATE_ROOT  for FORMAT=github: paths relative to this folder
#                  (default: $GITHUB_WORKSPACE, else the current folder)
#   COURSE         the course checkout (default: the folder above ci/)
#
# Exit status: the grader's: 0 every check passed, 1 some check failed,
# 2 a usage or spec error, 3 the grader could not be built or could not work.
set -u

usage() {
	sed -n '5,19p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}
if [ $# -lt 1 ] || [ $# -gt 3 ] || [ -z "$1" ]; then
	usage
fi
topic=$1
submission=${2:-}
reports=${3:-}
COURSE=${COURSE:-$(cd "$(dirname "$0")/.." && pwd)}
FORMAT=${FORMAT:-text}

# The grader's own Makefile installs the Debian packages when run as root
# (grader/deps.sh) and names the missing ones otherwise. CI=true would add
# -Werror: right for testing the grader, wrong for grading with it.
if ! make -C "$COURSE" --no-print-directory -s CI=false build/grader >&2; then
	echo "grade.sh: could not build the grader (above)" >&2
	exit 3
fi

spec=$(ls "$COURSE/specs/$topic"_*.yaml 2>/dev/null | head -n 1)
if [ -z "$spec" ]; then
	echo "grade.sh: no topic '$topic' in $COURSE/specs" >&2
	exit 2
fi
name=$(basename "$spec" .yaml)
[ -n "$submission" ] || submission=$COURSE/exercises/$name
[ -n "$reports" ] || reports=reports/$name
mkdir -p "$reports" || exit 3

set -- grade --topic "$topic" --root "$COURSE" --submission "$submission" --format "$FORMAT"
[ -n "${ANNOTATE_ROOT:-}" ] && set -- "$@" --annotate-root "$ANNOTATE_ROOT"
"$COURSE/build/grader" "$@" \
	--report json="$reports/report.json" --report html="$reports/report.html" \
	--report text="$reports/report.txt" --report tap="$reports/report.tap" \
	--report junit="$reports/junit.xml" --report gradescope="$reports/results.json"
code=$?
echo "grade.sh: $name: exit $code; reports in $reports" >&2
exit $code
