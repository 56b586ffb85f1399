# t12-release.sh - the students' repository holds nothing private and grades
# locally; official grading takes only the exercise files from a student

t12_check() { # t12_check DESC LOG COMMAND...: like expect, in this shell
	t12_desc=$1 t12_log=$2
	shift 2
	if "$@"; then ok "$t12_desc"; else not_ok "$t12_desc" "$t12_log"; fi
}

R12=$T/release
REL=$R12/students
SOL12=solutions/03_time_complexity
mkdir -p "$R12"
# The grader compiles and runs as an unprivileged user when it is root:
# it must reach the release's harness.
chmod 755 "$T" "$R12"

"$GRADER" release --root "$PWD" --out "$REL" --ref t12-course >"$R12/release.out" 2>&1
code=$?
t12_check "release: writes the students' repository (exit $code)" "$R12/release.out" [ $code -eq 0 ]

# Nothing private by name: no solutions, no variants, no private test file,
# none of the grader's own tests and fixtures, no spec key that names them.
{
	[ ! -e "$REL/solutions" ] || echo "solutions/ is in the release"
	for d in grader/tests grader/t grader/testdata grader/fitbench grader/fuzz; do
		[ ! -e "$REL/$d" ] || echo "$d is in the release"
	done
	find solutions -path '*/wrong/*' -type f -o -path '*/alt/*' -type f | sed 's|.*/||' | sort -u |
		while read -r f; do
			find "$REL" -name "$f" | sed "s|^|a variant's name: |"
		done
	find "$REL" -name 'private_*' | sed 's|^|a private test: |'
	grep -nE '^[[:space:]-]*(variants|private|private_show):' "$REL"/specs/*.yaml | sed 's|^|a private key: |'
	grep -rl 'private_has_duplicates' "$REL" | sed 's|^|names the private test: |'
} >"$R12/names.out" 2>&1
t12_check "release: no solutions/, variant, private test file or key naming them" "$R12/names.out" \
	[ ! -s "$R12/names.out" ]

# Nothing private by content: every line of a reference, variant or private
# test that no public file of the course has (its distinctive lines; public:
# exercises/, specs/ but the private tests, the grader's sources, ci/, docs/)
# is searched for in every file of the release, whatever its name or place.
# (A course whose stub is a reference is caught by the release itself, below.)
cat >"$R12/distinct.py" <<'EOF'
import os, sys
course, release = sys.argv[1], sys.argv[2]
private_files = [os.path.join(course, 'specs/03_time_complexity/private_has_duplicates.c')]
public_dirs = ['exercises', 'specs', 'grader', 'ci', 'docs']
instructor_only = ('grader/tests/', 'grader/t/', 'grader/testdata/', 'grader/fitbench/', 'grader/fuzz/')

def lines(path):
    try:
        text = open(path, encoding='utf-8', errors='replace').read()
    except OSError:
        return set()
    out = set()
    for l in text.splitlines():
        l = l.strip()
        if len(l) >= 20 and not l.startswith(('#include', '/*', '*', '//')):
            out.add(l)
    return out

def walk(root):
    for d, dirs, files in os.walk(root):
        for f in files:
            yield os.path.join(d, f)

public = lines(os.path.join(course, 'Makefile'))
for top in public_dirs:
    for p in walk(os.path.join(course, top)):
        rel = os.path.relpath(p, course)
        if p not in private_files and not rel.startswith(instructor_only):
            public |= lines(p)
secret = {}
blind = []
for p in list(walk(os.path.join(course, 'solutions'))) + private_files:
    own = lines(p) - public
    if not own:  # every line of it is public already: nothing to leak
        blind.append(os.path.relpath(p, course))
    for l in own:
        secret.setdefault(l, p)
found = 0
for p in walk(release):
    for l in lines(p) & secret.keys():
        print('%s holds a line of %s: %s' % (p, secret[l], l))
        found += 1
print('%d distinctive lines of %d private files searched%s' % (len(secret), len(set(secret.values())),
      '; all public already: ' + ', '.join(blind) if blind else ''), file=sys.stderr)
sys.exit(1 if found else 0)
EOF
python3 "$R12/distinct.py" "$PWD" "$REL" >"$R12/distinct.out" 2>"$R12/distinct.err"
code=$?
t12_check "release: no line of any reference, variant or private test ($(cat "$R12/distinct.err"))" \
	"$R12/distinct.out" [ $code -eq 0 ] && [ ! -s "$R12/distinct.out" ]
# The search can fail: a reference planted as a stub, and a private test
# planted in the tests folder, are both found.
cp -R "$REL" "$R12/planted"
cp "$SOL12/has_duplicates.c" "$R12/planted/exercises/03_time_complexity/has_duplicates.c"
cp specs/03_time_complexity/private_has_duplicates.c "$R12/planted/specs/03_time_complexity/extra.c"
python3 "$R12/distinct.py" "$PWD" "$R12/planted" >"$R12/planted.out" 2>&1
t12_check "release: the search finds a planted reference and a planted private test" "$R12/planted.out" \
	grep -q "exercises/03_time_complexity/has_duplicates.c holds a line of .*$SOL12/has_duplicates.c" "$R12/planted.out"
t12_check "release: ... the private test too" "$R12/planted.out" \
	grep -q "extra.c holds a line of .*private_has_duplicates.c" "$R12/planted.out"
rm -rf "$R12/planted"

# The release refuses what it cannot prove: a course whose stub is the
# reference is not released, and the folder is removed.
mkdir -p "$R12/leaky"
cp -R exercises specs grader ci solutions Makefile "$R12/leaky/"
cp "$SOL12/count_common.c" "$R12/leaky/exercises/03_time_complexity/count_common.c"
"$GRADER" release --root "$R12/leaky" --out "$R12/leaky-out" >"$R12/leaky.out" 2>&1
code=$?
t12_check "release: refuses a course whose stub is a copy of the reference (exit $code), keeps nothing" \
	"$R12/leaky.out" sh -c "[ $code -eq 1 ] && [ ! -e '$R12/leaky-out' ] && grep -q 'is a copy of' '$R12/leaky.out'"
# ... nor one whose private tests it cannot cut out of the spec cleanly
# (written in flow style, beside keys that must stay).
cp exercises/03_time_complexity/count_common.c "$R12/leaky/exercises/03_time_complexity/"
python3 -c '
import sys
p = sys.argv[1]
s = open(p).read()
import re
s, n = re.subn(r"    tests:\n      file: (test_has_duplicates.c)\n      timeout: 2\n"
               r"      private: \[(private_has_duplicates.c)\][^\n]*\n      private_show: results\n",
               r"    tests: {file: \1, timeout: 2, private: [\2], private_show: results}\n", s)
assert n == 1
open(p, "w").write(s)' "$R12/leaky/specs/03_time_complexity.yaml"
"$GRADER" release --root "$R12/leaky" --out "$R12/leaky-out" >"$R12/flow.out" 2>&1
code=$?
t12_check "release: refuses private tests it cannot cut cleanly (flow style), at their line (exit $code)" \
	"$R12/flow.out" sh -c "[ $code -eq 1 ] && [ ! -e '$R12/leaky-out' ] &&
		grep -q '03_time_complexity.yaml:[0-9]*:[0-9]*: write .private. in block style' '$R12/flow.out'"
rm -rf "$R12/leaky"

# It grades locally, with its own Makefile: the stubs score 0, the
# references full marks, over the public tests only (7 for has_duplicates).
make -C "$REL" -s build/grader >"$R12/build.out" 2>&1
code=$?
t12_check "release: its Makefile builds the grader (exit $code)" "$R12/build.out" [ $code -eq 0 ]
t12_check "release: it offers no check-course and no test target" "$REL/Makefile" \
	sh -c "! grep -qE '^(check-course|test|e2e|unit):' '$REL/Makefile'"
make -C "$REL" -s grade TOPIC=03 FORMAT=json OUT="$R12/stubs.json" >"$R12/stubs.out" 2>&1
score=$(json_get "$R12/stubs.json" "'%g' % d['score']" 2>/dev/null)
t12_check "release: the stubs score 0 inside the release (got '$score')" "$R12/stubs.out" [ "$score" = 0 ]
cp "$SOL12/has_duplicates.c" "$SOL12/count_common.c" "$REL/exercises/03_time_complexity/"
make -C "$REL" -s grade TOPIC=03 FORMAT=json OUT="$R12/ref.json" >"$R12/ref.out" 2>&1
code=$?
got=$(json_get "$R12/ref.json" "'%g/%g %d' % (d['score'], d['max_score'], [e for e in d['exercises'] if e['name'] == 'has_duplicates'][0]['tests']['total'])" 2>/dev/null)
public=$(grep -c '^Test(' specs/03_time_complexity/test_has_duplicates.c)
t12_check "release: a copied reference scores full marks over the $public public tests (got '$got', exit $code)" \
	"$R12/ref.out" [ "$got" = "20/20 $public" ]
t12_check "release: make grade says private tests run only at official grading" "$R12/ref.out" \
	grep -q "official grading also runs the course's private tests" "$R12/ref.out"

# Official grading: the course grades a student's repository (a copy of the
# release) taking only exercises/03_time_complexity/*.c and *.h. The
# student's has_duplicates is correct but quadratic. The edited copy also
# claims O(n^2) in its spec, replaces the public tests by one that always
# passes, breaks its grader's sources and Makefile, and puts a link and a
# script among its exercise files: no official verdict may move.
STU=$R12/student
EDIT=$R12/edited
cp -R "$REL" "$STU"
rm -rf "$STU/build"
cp "$SOL12/wrong/has_duplicates_quadratic.c" "$STU/exercises/03_time_complexity/has_duplicates.c"
cp "$SOL12/count_common.c" "$STU/exercises/03_time_complexity/count_common.c"
cp -R "$STU" "$EDIT"
sed -i 's/claim: O(n log n)/claim: O(n^2)/' "$EDIT/specs/03_time_complexity.yaml"
printf '#include <criterion/criterion.h>\nTest(has_duplicates, always) { cr_assert(1); }\n' \
	>"$EDIT/specs/03_time_complexity/test_has_duplicates.c"
echo '#error the student broke the grader' >>"$EDIT/grader/tests.c"
echo 'all: ; @false' >"$EDIT/Makefile"
ln -s /etc/passwd "$EDIT/exercises/03_time_complexity/notes.c"
printf '#!/bin/sh\necho pwned\n' >"$EDIT/exercises/03_time_complexity/run.sh"

# The edits are real: graded with its own spec and tests, the edited copy
# passes the complexity check that the course fails.
"$GRADER" grade --root "$EDIT" --topic 03 --submission "$EDIT/exercises/03_time_complexity" \
	--format json --output "$R12/own.json" >"$R12/own.out" 2>&1
own=$(json_get "$R12/own.json" "[e for e in d['exercises'] if e['name'] == 'has_duplicates'][0]['complexity']['status']" 2>/dev/null)
t12_check "official: the edits matter to a grading from the student's copy (its complexity: '$own')" \
	"$R12/own.out" [ "$own" = pass ]

t12_verdicts() { # t12_verdicts REPORT.json: each exercise's score, checks and test cases
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for e in d["exercises"]:
    t = e["tests"]
    print(e["name"], "%g" % e["score"], e["build"]["status"], t["status"], t["passed"], t["total"],
          e["complexity"]["status"], e["memory"]["status"],
          " ".join("%s=%s%s" % (c["name"], c["status"], "(hidden)" if c["hidden"] else "") for c in t["cases"]))
print("score %g / %g" % (d["score"], d["max_score"]))' "$1"
}
for who in student edited; do
	TOPICS=03 COURSE_REF=t12-official sh ci/official.sh "$PWD" "$R12/$who" "$R12/official-$who" \
		>"$R12/official-$who.out" 2>&1
	echo $? >"$R12/official-$who.code"
	t12_verdicts "$R12/official-$who/03_time_complexity/report.json" >"$R12/official-$who.verdicts" 2>&1
done
code=$(cat "$R12/official-student.code")
t12_check "official: grades the unedited submission (exit $code: has_duplicates is quadratic)" \
	"$R12/official-student.out" [ "$code" -eq 1 ]
t12_check "official: its verdicts: complexity fails, the private tests ran, shown without messages" \
	"$R12/official-student.verdicts" \
	grep -q '^has_duplicates 8 pass pass \([0-9][0-9]*\) \1 fail pass .*sorted_pair_at_the_end=passed(hidden)' \
	"$R12/official-student.verdicts"
diff "$R12/official-student.verdicts" "$R12/official-edited.verdicts" >"$R12/official.diff" 2>&1
t12_check "official: the edited spec, tests, grader, Makefile and extra files change no verdict" \
	"$R12/official.diff" sh -c "[ ! -s '$R12/official.diff' ] && [ -s '$R12/official-edited.verdicts' ]"
t12_check "official: the report names the course ref that graded it" "$R12/official-edited.out" \
	sh -c "head -n 1 '$R12/official-edited/03_time_complexity/report.txt' | grep -q 'by the course at t12-official' &&
		grep -qx t12-official '$R12/official-edited/03_time_complexity/COURSE_REF'"

# private_show: count: the private tests' results count, their names appear
# in no report of any format (the messages of a failing one neither).
TREE=$R12/tree
"$GRADER" release --root "$PWD" --official --out "$TREE" >"$R12/tree.out" 2>&1
sed -i 's/private_show: results/private_show: count/' "$TREE/specs/03_time_complexity.yaml"
mkdir -p "$TREE/build" "$R12/count" && cp "$GRADER" "$TREE/build/grader"
# correct, but skips the last comparison of its sorted scan: fails the
# public tests' pairs at the end and the private sorted_pair_at_the_end
sed 's/i < n \&\& !found/i + 1 < n \&\& !found/' "$SOL12/has_duplicates.c" >"$R12/count/has_duplicates.c"
cp "$SOL12/count_common.c" "$R12/count/"
"$TREE/build/grader" grade --root "$TREE" --topic 03 --submission "$R12/count" --format text \
	--output "$R12/count/r.txt" --report json="$R12/count/r.json" --report junit="$R12/count/r.xml" \
	--report html="$R12/count/r.html" --report tap="$R12/count/r.tap" --report github="$R12/count/r.gh" \
	--report gradescope="$R12/count/r.gs.json" >"$R12/count.out" 2>&1
got=$(json_get "$R12/count/r.json" "' '.join('%s=%s' % (c['name'], c['status']) for c in [e for e in d['exercises'] if e['name'] == 'has_duplicates'][0]['tests']['cases'] if c['name'].startswith('private/'))" 2>/dev/null)
t12_check "private_show count: the private tests are private/1 and private/2, one failed (got '$got')" \
	"$R12/count.out" [ "$got" = "private/1=failed private/2=passed" ]
grep -l -e sorted_pair_at_the_end -e values_that_differ -e 'the last two values are equal' \
	-e private_has_duplicates "$R12/count"/r.* >"$R12/count.leaks" 2>&1
t12_check "private_show count: no report of any format names a private test or its message" \
	"$R12/count.leaks" [ ! -s "$R12/count.leaks" ]
