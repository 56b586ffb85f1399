# t08-batch.sh - grader batch: a class of a dozen folders, one CSV row each; a rerun grades nothing

t08_check() { # t08_check DESC LOG COMMAND...: like expect, in this shell
	t08_desc=$1 t08_log=$2
	shift 2
	if "$@"; then ok "$t08_desc"; else not_ok "$t08_desc" "$t08_log"; fi
}

B=$T/batch
S=$B/class
SOL=solutions/03_time_complexity
mkdir -p "$B/out" "$S/ref" "$S/stubs" "$S/leak" "$S/crash" "$S/broken" "$S/empty" "$S/onlyone" \
	"$S/o'brien, \"jr\"" "$S/=SUM(1)" "$S/two words" "$S/extra" "$S/nested/src" "$S/.hidden"
cp $SOL/has_duplicates.c $SOL/count_common.c "$S/ref/"
cp exercises/03_time_complexity/*.c "$S/stubs/"
cp $SOL/wrong/has_duplicates_leak.c "$S/leak/has_duplicates.c"
cp $SOL/wrong/has_duplicates_crash.c "$S/crash/has_duplicates.c"
cp $SOL/has_duplicates.c "$S/broken/"
cp $SOL/wrong/count_common_broken.c "$S/broken/count_common.c"
cp $SOL/count_common.c "$S/leak/"
cp $SOL/count_common.c "$S/crash/"
cp $SOL/has_duplicates.c "$S/onlyone/"
cp "$S/ref/"*.c "$S/o'brien, \"jr\"/"
cp "$S/stubs/"*.c "$S/=SUM(1)/"
cp "$S/broken/"*.c "$S/two words/"
cp "$S/ref/"*.c "$S/extra/"
echo 'static int helper(void) { return 0; }' >"$S/extra/helper.c"
echo 'notes' >"$S/extra/README.txt"
cp "$S/ref/"*.c "$S/nested/src/"
echo 'not a submission' >"$S/notes.txt"

# A copy of the grader: a stamp holds the binary's mtime, and a make in
# another terminal must not make this test's rerun grade everything again.
cp "$GRADER" "$B/grader"
gbatch() { "$B/grader" batch --root "$PWD" "$@"; }

start=$(date +%s)
gbatch --topic 03 --submissions "$S" --csv "$B/out/grades.csv" --html "$B/out/class.html" \
	--summary "$B/out/class.json" >"$B/run1.out" 2>"$B/run1.err"
code=$? first=$(($(date +%s) - start))
t08_check "batch: exit 0 (graded in ${first} s)" "$B/run1.err" [ $code -eq 0 ]
cat >"$B/check_csv.py" <<'EOF'
import csv, os, sys
rows = list(csv.reader(open(sys.argv[1], newline='')))
assert rows[0] == ['id', 'total', 'max', 'has_duplicates', 'count_common'], rows[0]
ids = sorted(d for d in os.listdir(sys.argv[2]) if not d.startswith('.') and os.path.isdir(os.path.join(sys.argv[2], d)))
got = [r[0] for r in rows[1:]]
assert len(ids) == 12 and got == ["'" + i if i[0] in '=+-@' else i for i in ids], (got, ids)
score = {r[0]: [float(x) for x in r[1:]] for r in rows[1:]}
want = {
    'ref': [20, 20, 10, 10], 'o\'brien, "jr"': [20, 20, 10, 10], 'extra': [20, 20, 10, 10],
    'stubs': [0, 20, 0, 0], "'=SUM(1)": [0, 20, 0, 0], 'empty': [0, 20, 0, 0], 'nested': [0, 20, 0, 0],
    'broken': [10, 20, 10, 0], 'two words': [10, 20, 10, 0], 'onlyone': [10, 20, 10, 0],
    'leak': [18, 20, 8, 10], 'crash': [10, 20, 0, 10],
}
assert score == want, {k: (score.get(k), v) for k, v in want.items() if score.get(k) != v}
for i in ids:
    for f in ('report.json', 'report.txt', '.grade-stamp'):
        assert os.path.isfile(os.path.join(sys.argv[3], i, f)), (i, f)
EOF
t08_check "batch: one CSV row per student folder, sorted, escaped, with the right scores and reports" \
	"$B/out/grades.csv" python3 "$B/check_csv.py" "$B/out/grades.csv" "$S" "$B/out/reports"
t08_check "batch: the class page and summary agree with the CSV (totals, mean, growth, failures, links)" \
	"$B/out/class.json" python3 grader/t/check_class.py "$B/out/grades.csv" "$B/out/class.json" "$B/out/class.html"
if command -v chromium >/dev/null 2>&1; then
	timeout 90 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2400 \
		--screenshot="$B/out/class.png" "file://$B/out/class.html" >"$B/chromium.log" 2>&1
	timeout 90 chromium --headless --no-sandbox --disable-gpu --dump-dom "file://$B/out/class.html" \
		>"$B/out/class.dom" 2>>"$B/chromium.log"
	t08_check "batch: headless Chromium renders the class page (a screenshot; the students' tables in its DOM)" \
		"$B/chromium.log" sh -c '[ -s "$1" ] && grep -q "id=\"by-score\"" "$2" && [ "$(grep -o "report.html" "$2" | wc -l)" -ge 36 ]' \
		- "$B/out/class.png" "$B/out/class.dom"
else
	not_ok "batch: headless Chromium renders the class page: chromium is missing (sh grader/deps.sh test installs it)"
fi
t08_check "batch: a report is the grade's JSON" "$B/out/reports/leak/report.json" \
	[ "$(json_get "$B/out/reports/leak/report.json" "d['exercises'][0]['memory']['status']")" = fail ]

start=$(date +%s)
gbatch --topic 03 --submissions "$S" --csv "$B/out/again.csv" --reports "$B/out/reports" \
	--summary "$B/out/again.json" >"$B/run2.out" 2>"$B/run2.err"
code=$? second=$(($(date +%s) - start))
t08_check "batch: a rerun grades nothing (${second} s) and writes the same CSV" "$B/run2.err" \
	sh -c '[ $1 -eq 0 ] && grep -q " 0 graded, 12 unchanged" "$2" && cmp -s "$3" "$4"' - \
	$code "$B/run2.err" "$B/out/grades.csv" "$B/out/again.csv"
t08_check "batch: a rerun's class summary, from the stamps alone, is the same" "$B/out/again.json" \
	cmp -s "$B/out/class.json" "$B/out/again.json"
t08_check "batch: off a terminal, one progress line per student" "$B/run1.err" \
	sh -c '[ "$(grep -c "^grader: [0-9]*/12 " "$1")" -eq 12 ]' - "$B/run1.err"

# One changed submission is graded again, and only that one.
printf '#error "late and broken"\n' >"$S/empty/count_common.c"
gbatch --topic 03 --submissions "$S" --csv "$B/out/grades.csv" >"$B/run3.out" 2>"$B/run3.err"
t08_check "batch: a changed submission, and only it, is graded again" "$B/run3.err" \
	grep -q " 1 graded, 11 unchanged" "$B/run3.err"

gbatch --topic 03 --submissions "$S" --csv "$B/out/shard.csv" --reports "$B/out/reports" --shard 1/2 \
	>/dev/null 2>"$B/run4.err"
t08_check "batch: --shard 1/2 takes every second submission" "$B/run4.err" \
	sh -c '[ "$(wc -l <"$1")" -eq 7 ] && grep -q "^broken," "$1" && ! grep -q "^crash," "$1"' - "$B/out/shard.csv"

gbatch --topic 03 --submissions "$B/nowhere" --csv "$B/x.csv" >"$B/run5.err" 2>&1
t08_check "batch: a missing submissions folder is an error" "$B/run5.err" [ $? -ne 0 ]

# Bad arguments fail at once, before any grading, with one clear line,
# and leave nothing behind.
t08_bad() { # t08_bad DESC PATTERN ARGS...
	t08_bd=$1 t08_pat=$2
	shift 2
	rm -rf "$B/bad" && mkdir -p "$B/bad"
	(cd "$B/bad" && "$B/grader" batch --root "$OLDPWD" "$@") >"$B/bad.out" 2>"$B/bad.err"
	t08_code=$?
	t08_check "batch: $t08_bd: exit 2 before any grading, one clear line" "$B/bad.err" sh -c \
		'[ $1 -eq 2 ] && grep -q -- "$2" "$3" && ! grep -q "grading" "$3" && [ -z "$(ls -A "$4")" ]' - \
		$t08_code "$t08_pat" "$B/bad.err" "$B/bad"
}
t08_bad "no --csv" "needs --topic, --submissions and --csv" --topic 03 --submissions "$S"
t08_bad "an empty --csv" "needs --topic, --submissions and --csv" --topic 03 --submissions "$S" --csv ""
t08_bad "no --submissions" "needs --topic, --submissions and --csv" --topic 03 --csv x.csv
t08_bad "an --html in a missing folder" "does not exist" --topic 03 --submissions "$S" --csv x.csv \
	--html /no/such/dir/r.html
t08_bad "a --summary that is a folder" "is a folder" --topic 03 --submissions "$S" --csv x.csv --summary /tmp

# A new grader binary grades everything again (a class of one empty folder: cheap).
mkdir -p "$B/one/nothing"
gbatch --topic 03 --submissions "$B/one" --csv "$B/one.csv" 2>"$B/run6.err" >/dev/null
gbatch --topic 03 --submissions "$B/one" --csv "$B/one.csv" 2>"$B/run7.err" >/dev/null
touch -d '2001-01-01' "$B/grader"
gbatch --topic 03 --submissions "$B/one" --csv "$B/one.csv" 2>"$B/run8.err" >/dev/null
t08_check "batch: a rebuilt grader grades everything again" "$B/run8.err" \
	sh -c 'grep -q " 0 graded, 1 unchanged" "$1" && grep -q " 1 graded, 0 unchanged" "$2"' - "$B/run7.err" "$B/run8.err"
