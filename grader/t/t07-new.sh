# t07-new.sh - grader new and grader calibrate, in a course made in a
# temporary folder: a new exercise lints and grades as made (reference
# full marks, stub 0); files and specs are never overwritten; calibrate
# prints its figures and changes nothing. Nothing is written to the
# repository.

C="$T/new-course"
mkdir -p "$C/specs" "$C/grader"
ln -s "$PWD/grader/harness" "$C/grader/harness"
# Children may run as nobody (the grader as root): they must reach the course.
chmod 711 "$T"
S="$C/specs/99_scratch.yaml"

$GRADER new --root "$C" 99_scratch demo >"$T/new.txt" 2>&1
code=$?
expect "new: a new topic and exercise: exit 0" "[ $code -eq 0 ]" "$T/new.txt"
expect "new: the six files are made" \
	"[ -f $S ] && [ -f $C/specs/99_scratch/demo.h ] && [ -f $C/specs/99_scratch/test_demo.c ] &&
	 [ -f $C/specs/99_scratch/bench_demo.c ] && [ -f $C/exercises/99_scratch/demo.c ] &&
	 [ -f $C/solutions/99_scratch/demo.c ]" "$T/new.txt"
expect "new: the students' README gets a section for the exercise; make targets are named" \
	"grep -q '^### .demo[.]c.\$' $C/exercises/99_scratch/README.md &&
	 grep -q 'make calibrate TOPIC=99 EXERCISE=demo' $T/new.txt" "$T/new.txt"
expect "new: nothing is written to the repository" \
	"[ ! -e specs/99_scratch.yaml ] && [ ! -e specs/99_scratch ] && [ ! -e solutions/99_scratch ]"

$GRADER lint "$S" >"$T/new-lint.txt" 2>&1
expect "new: the spec lints as made, its tests naming their n" \
	"[ $? -eq 0 ] && ! grep -q 'never name an input' $T/new-lint.txt" "$T/new-lint.txt"
# Tests that never name an input's n: a warning (the heap budget is then
# checked only at the benchmark's size), not a refusal.
cp "$C/specs/99_scratch/test_demo.c" "$T/test-before.c"
sed -i 's/heap_input(n);//' "$C/specs/99_scratch/test_demo.c"
$GRADER lint --no-compile "$S" >"$T/unnamed-lint.txt" 2>&1
expect "lint: tests that never name an input's n get a warning, and still lint" \
	"[ $? -eq 0 ] && grep -q 'test_demo.c:1:1: warning: the tests of demo never name an input' $T/unnamed-lint.txt" \
	"$T/unnamed-lint.txt"
cp "$T/test-before.c" "$C/specs/99_scratch/test_demo.c"

# (json_get runs here: expect's conditions run in a shell of their own.)
$GRADER grade --root "$C" --topic 99 --submission "$C/solutions/99_scratch" --format json \
	>"$T/new-ref.json" 2>"$T/new-ref.err"
code=$?
got=$(json_get "$T/new-ref.json" "(d['score'], d['max_score'], d['exercises'][0]['complexity']['measured'])")
expect "new: the reference as made: exit 0" "[ $code -eq 0 ]" "$T/new-ref.json"
expect "new: the reference as made: full marks, measured O(n)" \
	"[ \"$got\" = \"(10, 10, 'O(n)')\" ]" "$T/new-ref.json"

$GRADER grade --root "$C" --topic 99 --format json >"$T/new-stub.json" 2>"$T/new-stub.err"
code=$?
got=$(json_get "$T/new-stub.json" "(d['score'], d['exercises'][0]['build']['status'])")
expect "new: the stub as made: exit 1, score 0, builds" \
	"[ $code -eq 1 ] && [ \"$got\" = \"(0, 'pass')\" ]" "$T/new-stub.json"

# Refusals: existing files, bad names, a number taken by another topic.
cp "$S" "$T/spec-before.yaml"
find "$C" -type f | sort >"$T/files-before.txt"
echo '/* mine */' >"$C/exercises/99_scratch/demo.c"
$GRADER new --root "$C" 99_scratch demo >"$T/new-again.txt" 2>&1
code=$?
expect "new: refuses when a file exists: exit 2, names it" \
	"[ $code -eq 2 ] && grep -q 'exercises/99_scratch/demo.c exists' $T/new-again.txt" "$T/new-again.txt"
expect "new: the existing file and the spec are left alone" \
	"[ \"\$(cat $C/exercises/99_scratch/demo.c)\" = '/* mine */' ] && cmp -s $S $T/spec-before.yaml"
$GRADER new --root "$C" 99 2fast >"$T/new-bad.txt" 2>&1
code=$?
$GRADER new --root "$C" 99 int >>"$T/new-bad.txt" 2>&1
code2=$?
$GRADER new --root "$C" 99_other x >>"$T/new-bad.txt" 2>&1
code3=$?
$GRADER new --root "$C" 99_a/b x >>"$T/new-bad.txt" 2>&1
code4=$?
expect "new: refuses a name that is no C identifier, a keyword, a taken number, a path: exit 2" \
	"[ $code -eq 2 ] && [ $code2 -eq 2 ] && [ $code3 -eq 2 ] && [ $code4 -eq 2 ] &&
	 grep -q 'C identifier' $T/new-bad.txt && grep -q 'keyword' $T/new-bad.txt &&
	 grep -q 'taken by specs/99_scratch.yaml' $T/new-bad.txt" "$T/new-bad.txt"
find "$C" -type f | sort >"$T/files-after.txt"
expect "new: a refusal writes nothing" "cmp -s $T/files-before.txt $T/files-after.txt && cmp -s $S $T/spec-before.yaml" \
	"$T/files-after.txt"
# The stub back as it was made, for the course check below.
cat >"$C/exercises/99_scratch/demo.c" <<'EOF'
/* demo.c - your solution (topic 99_scratch): see demo.h */
#include "demo.h"

long demo(const int *a, size_t n)
{
	(void)a;
	(void)n;
	/* TODO: return the sum of a[0..n), in O(n) time. */
	return 0;
}
EOF

# A second exercise, by the topic's number: appended, the first entry kept.
$GRADER new --root "$C" 99 other >"$T/new-other.txt" 2>&1
code=$?
expect "new: a second exercise in an existing topic: exit 0" "[ $code -eq 0 ]" "$T/new-other.txt"
expect "new: the spec's first bytes are unchanged, the entry is appended" \
	"cmp -s -n \$(wc -c <$T/spec-before.yaml) $S $T/spec-before.yaml && [ \$(grep -c '^  - name:' $S) -eq 2 ]" "$S"
$GRADER lint "$S" >"$T/new-lint2.txt" 2>&1
expect "new: the spec with two exercises lints" "[ $? -eq 0 ]" "$T/new-lint2.txt"
# Points that add up differently are linted with a warning, not refused.
cp "$S" "$T/points-before.yaml"
sed -i '0,/tests: 6,/s//tests: 9,/' "$S"
$GRADER lint --no-compile "$S" >"$T/points-lint.txt" 2>&1
expect "lint: exercises whose points add up differently get a warning, and still lint" \
	"[ $? -eq 0 ] && grep -q \"warning: the exercises' points add up differently (demo 13, other 10)\" $T/points-lint.txt" \
	"$T/points-lint.txt"
cp "$T/points-before.yaml" "$S"

# A known-wrong variant of the second exercise (its entry is the last in
# the file): quadratic, so that check and calibrate have one to reject.
mkdir -p "$C/solutions/99_scratch/wrong"
cat >"$C/solutions/99_scratch/wrong/other_quadratic.c" <<'EOF'
/* other_quadratic.c - right sum, quadratic: counts each value's copies
 * among the first i/256 (few enough that the whole ladder runs) */
#include "other.h"

long other(const int *a, size_t n)
{
	long sum = 0;
	for (size_t i = 0; i < n; i++) {
		long copies = 1;
		for (size_t j = 0; j < i / 256; j++)
			copies += a[j] == a[i];
		sum += a[i] * copies / copies;
	}
	return sum;
}
EOF
printf '    variants:\n      - {file: other_quadratic.c, fails: complexity}\n' >>"$S"
$GRADER check --root "$C" >"$T/new-check.txt" 2>&1
code=$?
expect "new: the course check passes: references full, stubs 0, the variant rejected" \
	"[ $code -eq 0 ] && grep -Eq '^99_scratch +2 +20.0/20.0 +0.0/20.0 +1/1' $T/new-check.txt" "$T/new-check.txt"

# calibrate: figures and proposals, no file changed.
cp "$S" "$T/spec-before.yaml"
$GRADER calibrate --root "$C" --topic 99 --exercise other >"$T/calibrate.txt" 2>"$T/calibrate.err"
code=$?
expect "calibrate: exit 0" "[ $code -eq 0 ]" "$T/calibrate.txt"
expect "calibrate: a row per solution with its measured class" \
	"grep -Eq '^  reference +-/- +2/2 +O\(n\) ' $T/calibrate.txt &&
	 grep -Eq '^  other_quadratic.c +C/C +2/2 +O\(n\^2\) ' $T/calibrate.txt" "$T/calibrate.txt"
expect "calibrate: proposes a heap budget, the ladder's separation and a timeout" \
	"grep -q '^    memory.heap: 1KiB ' $T/calibrate.txt &&
	 grep -q 'other_quadratic.c: measured O(n^2), O(n) fit error .*: separated' $T/calibrate.txt &&
	 grep -Eq '^    complexity.timeout: [0-9]+ ' $T/calibrate.txt" "$T/calibrate.txt"
expect "calibrate: the spec is not changed" "cmp -s $S $T/spec-before.yaml"
# A budget the reference fits is never loosened: a spec's 0 stays 0.
sed -i 's/heap: 1KiB/heap: 0/' "$S"
$GRADER calibrate --root "$C" --topic 99 --exercise other >"$T/calibrate0.txt" 2>&1
expect "calibrate: keeps a heap budget of 0 that the reference fits" \
	"grep -q '^    memory.heap: keep 0 ' $T/calibrate0.txt" "$T/calibrate0.txt"
cp "$T/spec-before.yaml" "$S"
$GRADER calibrate --root "$C" --topic 99 --exercise nope >"$T/calibrate-bad.txt" 2>&1
expect "calibrate: an unknown exercise: exit 2" \
	"[ $? -eq 2 ] && grep -q \"no exercise 'nope'\" $T/calibrate-bad.txt" "$T/calibrate-bad.txt"

# A spec whose exercises are not last: the entry cannot be appended, so
# nothing is written and the spec is left as it was.
mkdir -p "$C/specs/97_late"
printf 'exercises:\n  - name: a\ntopic: 97_late\n' >"$C/specs/97_late.yaml"
: >"$C/specs/97_late/a.h"
: >"$C/specs/97_late/test_a.c"
cp "$C/specs/97_late.yaml" "$T/late-before.yaml"
$GRADER new --root "$C" 97 b >"$T/new-late.txt" 2>&1
code=$?
expect "new: a spec it cannot append to: exit 2, the entry shown to add by hand" \
	"[ $code -eq 2 ] && grep -q 'add this entry' $T/new-late.txt && grep -q -- '- name: b' $T/new-late.txt" \
	"$T/new-late.txt"
expect "new: ... and nothing is left behind" \
	"cmp -s $C/specs/97_late.yaml $T/late-before.yaml && [ ! -e $C/specs/97_late/b.h ] &&
	 [ ! -e $C/exercises/97_late ] && [ ! -e $C/solutions/97_late ]" "$T/new-late.txt"
