# t06-ladder.sh - under the instructions meter a ladder stops on counts: a
# quadratic submission gets the same sizes, table and verdict in every
# grading, whatever the load, and an unchanged one is reused from the cache.

L=$T/ladder
mkdir -p "$L/sub"
cp solutions/03_time_complexity/wrong/has_duplicates_quadratic.c "$L/sub/has_duplicates.c"
cp solutions/03_time_complexity/count_common.c "$L/sub/"
for k in 1 2; do
	$GRADER grade --topic 03 --submission "$L/sub" --force --format json --report "html=$L/run$k.html" \
		>"$L/run$k.json" 2>"$L/run$k.err"
done
ladder_start=$(date +%s%N)
$GRADER grade --topic 03 --submission "$L/sub" --format json >"$L/again.json" 2>"$L/again.err"
ladder_ms=$((($(date +%s%N) - ladder_start) / 1000000))

ladder_table="[(p['n'], p['cost']) for p in d['exercises'][0]['complexity']['points']], d['exercises'][0]['complexity']['stopped_at'], d['exercises'][0]['complexity']['status']"
# The runner moves each size down by less than a sixteenth (protocol_jitter).
expect "ladder: the quadratic has_duplicates stops before the size near 16384, on its instruction budget" \
	"[ \"\$(json_get $L/run1.json \"16384 - 16384 // 16 < d['exercises'][0]['complexity']['stopped_at'] <= 16384\")\" = True ]" "$L/run1.json"
expect "ladder: two gradings afresh give the same sizes, counts and verdict" \
	"[ \"\$(json_get $L/run1.json \"$ladder_table\")\" = \"\$(json_get $L/run2.json \"$ladder_table\")\" ]" "$L/run2.json"
expect "ladder: graded again unchanged, the same table, from the cache (${ladder_ms} ms)" \
	"[ \"\$(json_get $L/run1.json \"$ladder_table\")\" = \"\$(json_get $L/again.json \"$ladder_table\")\" ] &&
	 [ $ladder_ms -lt 2000 ]" "$L/again.json"
# The line that makes it slow: the inner loop of the pairwise comparison
# (lines 8-9 of has_duplicates_quadratic.c), its count quadratic, named in
# the reason and kept by the cache.
hot="(h['file'], h['line'] in (8, 9), round(h['growth']))"
expect "ladder: the reason names the line that makes it quadratic" \
	"[ \"\$(json_get $L/run1.json \"(lambda h: $hot)(d['exercises'][0]['complexity']['hot_line'])\")\" = \"('has_duplicates.c', True, 2)\" ] &&
	 json_get $L/run1.json \"d['exercises'][0]['complexity']['reason']\" | grep -q 'is the line that makes it slow'" "$L/run1.json"
expect "ladder: the cached grading names the same line" \
	"[ \"\$(json_get $L/run1.json \"d['exercises'][0]['complexity']['hot_line']\")\" = \"\$(json_get $L/again.json \"d['exercises'][0]['complexity']['hot_line']\")\" ]" "$L/again.json"
# The HTML report shows the source around that line, each line with its
# count and growth, the hot one marked; the JSON lists the same counts.
expect "ladder: the HTML report shows the hot line in its source, with its count and growth" \
	"grep -q 'The line that makes it slow' $L/run1.html &&
	 grep -Eq '<tr class=\"hot\"><td>(8|9)</td><td>[0-9]+</td><td>n\\^[12]\\.[0-9][0-9]</td><td class=\"code\">' $L/run1.html" "$L/run1.html"
expect "ladder: the JSON gives every counted line of that file with its count" \
	"[ \"\$(json_get $L/run1.json \"[l['line'] for l in d['exercises'][0]['complexity']['hot_line']['lines'] if l['count'] > 1000000]\")\" = '[8, 9]' ]" "$L/run1.json"
# make bench-fit's corpus still builds and measures: it was broken twice
# unnoticed (the runner gained an object the corpus did not link, and the
# ladder a budget the corpus never set), since nothing ran it.
$GRADER fitbench --meter instructions --only n_sum_array,n2_first_pivot_quicksort >"$L/fitbench.txt" 2>&1
expect "fitbench: two corpus entries build, are measured and get their class (make bench-fit)" \
	"grep -q 'accuracy   2/2 = 100.0%' $L/fitbench.txt" "$L/fitbench.txt"
