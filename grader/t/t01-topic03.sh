# t01-topic03.sh - topic 03 end to end: stubs, references, a broken exercise

$GRADER grade --topic 03 --format json >"$T/stub.json" 2>"$T/stub.err"
code=$?
expect "stubs of topic 03: exit 1" "[ $code -eq 1 ]" "$T/stub.err"
expect "stubs of topic 03: the JSON report is valid" "json_ok $T/stub.json" "$T/stub.json"
expect "stubs of topic 03: score 0" "[ \"\$(json_get $T/stub.json \"d['score']\")\" = 0 ]" "$T/stub.json"
expect "stubs of topic 03: both build" \
	"[ \"\$(json_get $T/stub.json \"[e['build']['status'] for e in d['exercises']]\")\" = \"['pass', 'pass']\" ]" "$T/stub.json"

$GRADER grade --topic 03 --submission solutions/03_time_complexity --format json >"$T/ref.json" 2>"$T/ref.err"
code=$?
expect "reference of topic 03: exit 0" "[ $code -eq 0 ]" "$T/ref.json"
expect "reference of topic 03: full marks" \
	"[ \"\$(json_get $T/ref.json \"d['score'] == d['max_score'] > 0\")\" = True ]" "$T/ref.json"
expect "reference of topic 03: has_duplicates measured O(n log n) or better" \
	"json_get $T/ref.json \"d['exercises'][0]['complexity']['measured']\" | grep -Eq '^O\((1|log n|n|n log n)\)$'" "$T/ref.json"

# A folder where one exercise does not compile: the other is still graded.
mkdir -p "$T/mixed"
cp solutions/03_time_complexity/has_duplicates.c "$T/mixed/"
cp solutions/03_time_complexity/wrong/count_common_broken.c "$T/mixed/count_common.c"
(cd "$T" && "$OLDPWD/$GRADER" grade --topic 03 --root "$OLDPWD" --submission mixed >"$T/mixed.txt" 2>&1)
code=$?
expect "one exercise does not compile: exit 1" "[ $code -eq 1 ]" "$T/mixed.txt"
expect "one exercise does not compile: the compiler's file:line is shown" \
	"grep -q 'count_common.c:[0-9]*:[0-9]*: error' $T/mixed.txt" "$T/mixed.txt"
expect "one exercise does not compile: the other still scores 10" \
	"grep -Eq '^has_duplicates +10.0 / 10.0' $T/mixed.txt" "$T/mixed.txt"

# A submission folder that does not exist, and a topic that does not.
$GRADER grade --topic 03 --submission "$T/nowhere" >"$T/nowhere.txt" 2>&1
expect "missing submission folder: exit 2" "[ $? -eq 2 ]" "$T/nowhere.txt"
$GRADER grade --topic 99 >"$T/t99.txt" 2>&1
expect "unknown topic: exit 2 with a message" "[ $? -eq 2 ] && grep -q 'no topic' $T/t99.txt" "$T/t99.txt"
