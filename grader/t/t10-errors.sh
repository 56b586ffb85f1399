# t10-errors.sh - a fault of the course or of the machine is an error, never the student's fail
#
# On a copy of the course: a benchmark driver without bench_teardown and a
# test file with a syntax error make lint fail at their file:line and make
# grading exit 2, naming the course's files in specs/ (not the scratch
# copy); with valgrind hidden from PATH, the checks that need it say
# "error", grading exits 3, no result is cached, and batch writes "error" in
# the CSV instead of a low score.

t10_check() { # t10_check DESC LOG COMMAND...: like expect, in this shell
	t10_desc=$1 t10_log=$2
	shift 2
	if "$@"; then ok "$t10_desc"; else not_ok "$t10_desc" "$t10_log"; fi
}

E=$T/errors
# Children run as another user when the grader runs as root: they must be
# able to reach the course copy (as in t05-hostile.sh).
chmod 711 "$T"
mkdir -p "$E/broken/grader" "$E/clean/grader"
for c in broken clean; do
	cp -r specs exercises solutions "$E/$c/"
	cp -r grader/harness "$E/$c/grader/"
done
chmod -R a+rX "$E"

# The driver loses bench_teardown (renamed, so it still compiles); the test
# file gets a syntax error on a line of our choosing.
D=$E/broken/specs/03_time_complexity
sed -i 's/^void bench_teardown(/static void no_teardown(/' "$D/bench_has_duplicates.c"
t10_bad_line=4
sed -i "$((t10_bad_line - 1))a int broken = ;" "$D/test_count_common.c"

$GRADER lint "$E/broken/specs/03_time_complexity.yaml" >"$E/lint.out" 2>"$E/lint.err"
t10_check "errors: lint of a broken course exits 2" "$E/lint.err" [ $? -eq 2 ]
t10_check "errors: lint names the driver without bench_teardown at its file:line" "$E/lint.err" \
	grep -q "^$D/bench_has_duplicates.c:[0-9]*:[0-9]*: .*does not define bench_teardown()" "$E/lint.err"
t10_check "errors: lint names the test file's syntax error at its line" "$E/lint.err" \
	grep -q "^$D/test_count_common.c:$t10_bad_line:[0-9]*: the test file of count_common does not compile" "$E/lint.err"
t10_check "errors: lint reports both problems, not only the first" "$E/lint.err" \
	grep -q "have 2 problems" "$E/lint.err"
$GRADER lint "$E/clean/specs/03_time_complexity.yaml" >"$E/lint-clean.out" 2>&1
t10_check "errors: lint of the intact copy passes" "$E/lint-clean.out" [ $? -eq 0 ]

$GRADER grade --root "$E/broken" --topic 03 --submission solutions/03_time_complexity --format json \
	>"$E/broken.json" 2>"$E/broken.err"
t10_code=$?
t10_check "errors: grading against a broken course exits 2" "$E/broken.err" [ $t10_code -eq 2 ]
cat >"$E/broken.py" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
hd, cc = d['exercises']
for e, f in ((hd, 'specs/03_time_complexity/bench_has_duplicates.c'), (cc, 'specs/03_time_complexity/test_count_common.c')):
    b = e['build']
    assert b['status'] == 'error' and b['fault'] == 'course', b
    assert f in b['reason'] and 'grader-' not in b['reason'], b['reason']
    assert e['score'] == 0 and e['max_score'] == 0 and e['ungraded'] == 10, e
assert 'bench_teardown' in hd['build']['reason'], hd['build']['reason']
assert "specs/03_time_complexity/test_count_common.c:%s:" % sys.argv[2] in cc['build']['log'], cc['build']['log']
assert d['incomplete'] is True and d['ungraded'] == 20, d
EOF
t10_check "errors: the build is an error of the course, naming its file in specs/, not a fail" "$E/broken.json" \
	python3 "$E/broken.py" "$E/broken.json" "$t10_bad_line"

# valgrind hidden from PATH: every other tool still there, by symlink.
mkdir -p "$E/bin"
for d in /usr/local/bin /usr/bin /bin; do
	for f in "$d"/*; do
		b=${f##*/}
		case $b in valgrind*) continue ;; esac
		[ -e "$E/bin/$b" ] || ln -s "$f" "$E/bin/$b"
	done
done
chmod 755 "$E/bin"
PATH=$E/bin $GRADER grade --root "$E/clean" --topic 03 --submission solutions/03_time_complexity --format json \
	>"$E/novg.json" 2>"$E/novg.err"
t10_code=$?
t10_check "errors: without valgrind, grading exits 3" "$E/novg.err" [ $t10_code -eq 3 ]
cat >"$E/novg.py" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for e in d['exercises']:
    assert e['build']['status'] == 'pass' and e['tests']['status'] == 'pass', e['name']
    for c in ('complexity', 'memory'):
        assert e[c]['status'] == 'error', (e['name'], c, e[c]['status'])
        assert 'valgrind' in e[c]['reason'] and 'install' in e[c]['reason'], e[c]['reason']
    assert e['score'] == e['max_score'] == 6 and e['ungraded'] == 4, e
assert d['incomplete'] is True, d
EOF
t10_check "errors: without valgrind, complexity and memory are errors that name the fix; tests still count" \
	"$E/novg.json" python3 "$E/novg.py" "$E/novg.json"
# The course's compiled objects (objects/) are kept: they do not depend on
# valgrind, and they compiled. No result is.
t10_check "errors: without valgrind, no result is cached" "$E/novg.err" \
	sh -c '[ -z "$(ls -A "$1" 2>/dev/null | grep -vx objects)" ]' - "$E/clean/build/cache"

mkdir -p "$E/class/ref"
cp solutions/03_time_complexity/*.c "$E/class/ref/"
PATH=$E/bin $GRADER batch --root "$E/clean" --topic 03 --submissions "$E/class" --csv "$E/grades.csv" \
	>"$E/batch.out" 2>"$E/batch.err"
t10_code=$?
t10_check "errors: batch without valgrind exits 3 and its CSV row says error, not a score" "$E/grades.csv" \
	sh -c '[ $1 -eq 3 ] && grep -qx "ref,error,20.0,error,error" "$2" && [ ! -e "$3" ]' - \
	$t10_code "$E/grades.csv" "$E/reports/ref/.grade-stamp"
