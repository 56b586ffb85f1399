# t04-memory.sh - memory verdicts: the leak at its malloc line, the peak of a
# hog against its budget, a copy's 4*n bytes, a recursion's stack, and the
# same verdict every time

mkdir -p "$T/leak" "$T/mem04"
cp solutions/03_time_complexity/wrong/has_duplicates_leak.c "$T/leak/has_duplicates.c"
cp solutions/03_time_complexity/wrong/has_duplicates_hog.c "$T/leak/count_common.c.unused"
cp solutions/03_time_complexity/count_common.c "$T/leak/"
line=$(grep -n 'malloc(' "$T/leak/has_duplicates.c" | head -1 | cut -d: -f1)

$GRADER grade --topic 03 --submission "$T/leak" --force --format json >"$T/leak1.json" 2>/dev/null
$GRADER grade --topic 03 --submission "$T/leak" --force --format json >"$T/leak2.json" 2>/dev/null
expect "a leak fails memory" \
	"[ \"\$(json_get $T/leak1.json \"d['exercises'][0]['memory']['status']\")\" = fail ]" "$T/leak1.json"
expect "the leak is reported at its malloc line ($line)" \
	"[ \"\$(json_get $T/leak1.json \"d['exercises'][0]['memory']['leaks'][0]['location']['line']\")\" = $line ]" "$T/leak1.json"
expect "the report names the line in words" \
	"json_get $T/leak1.json \"d['exercises'][0]['memory']['reason']\" | grep -q 'allocated at has_duplicates.c:$line'" "$T/leak1.json"
expect "memory verdicts are identical across runs" \
	"[ \"\$(json_get $T/leak1.json \"d['exercises'][0]['memory']\")\" = \"\$(json_get $T/leak2.json \"d['exercises'][0]['memory']\")\" ]" "$T/leak2.json"

cp solutions/04_space_complexity/wrong/reverse_in_place_copy.c "$T/mem04/reverse_in_place.c"
cp solutions/04_space_complexity/wrong/rotate_left_copy.c "$T/mem04/rotate_left.c"
$GRADER grade --topic 04 --submission "$T/mem04" --force --format json >"$T/mem04.json" 2>/dev/null
expect "a reverse that copies fails memory with about 4*n bytes at its peak" \
	"[ \"\$(json_get $T/mem04.json \"d['exercises'][0]['memory']['peak_heap_bytes'] == 4 * d['exercises'][0]['memory']['n']\")\" = True ]" "$T/mem04.json"
expect "its budget is 0" \
	"[ \"\$(json_get $T/mem04.json \"d['exercises'][0]['memory']['budget_bytes']\")\" = 0 ]" "$T/mem04.json"

cp solutions/04_space_complexity/wrong/reverse_in_place_recursive.c "$T/mem04/reverse_in_place.c"
$GRADER grade --topic 04 --submission "$T/mem04" --force --format json >"$T/rec04.json" 2>/dev/null
expect "a recursive reverse fails the stack budget, named as a recursion" \
	"json_get $T/rec04.json \"d['exercises'][0]['memory']['reason']\" | grep -q 'peak stack .* a recursion whose depth follows n'" "$T/rec04.json"

cp solutions/04_space_complexity/wrong/reverse_in_place_alloca.c "$T/mem04/reverse_in_place.c"
$GRADER grade --topic 04 --submission "$T/mem04" --force --format json >"$T/alloca04.json" 2>/dev/null
expect "a reverse through an alloca'd copy fails the stack budget, named as an array on the stack, not a recursion" \
	"json_get $T/alloca04.json \"d['exercises'][0]['memory']['reason']\" | grep -q 'peak stack .* an array on the stack sized by n (alloca' &&
	 ! json_get $T/alloca04.json \"d['exercises'][0]['memory']['reason']\" | grep -q 'a recursion whose'" "$T/alloca04.json"

# A leak only a test's input reaches (n = 3): the tests' sanitizer build
# sees the heap the test still holds once its fixtures are gone, and
# memcheck over the tests names the line and the test.
mkdir -p "$T/testleak"
cp solutions/03_time_complexity/count_common.c "$T/testleak/"
sed 's/^\tfree(copy);$/\tif (n != 3)\n\t\tfree(copy);/' solutions/03_time_complexity/has_duplicates.c \
	>"$T/testleak/has_duplicates.c"
$GRADER grade --topic 03 --exercise has_duplicates --submission "$T/testleak" --force >"$T/testleak.txt" 2>&1
expect "a leak that only a test's input reaches fails memory, at its line, in a named test" \
	"grep -q 'memory      fail .*allocated at has_duplicates.c:18 and never freed, found in test has_duplicates/' $T/testleak.txt" \
	"$T/testleak.txt"
