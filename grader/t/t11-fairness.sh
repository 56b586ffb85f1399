# t11-fairness.sh - the code students really write: helper files, libm,
# printf debugging, a crash, a misnamed file, an empty folder, topic names

F=solutions/03_time_complexity

# Helpers: sort_util.c/.h used by has_duplicates; a copy of the course's
# header that must not replace it; an unused file that does not compile.
mkdir -p "$T/helper"
cat >"$T/helper/sort_util.h" <<'X'
#include <stddef.h>
void sort_ints_asc(int *a, size_t n);
X
cat >"$T/helper/sort_util.c" <<'X'
#include <stdlib.h>
#include "sort_util.h"
static int cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}
void sort_ints_asc(int *a, size_t n)
{
	qsort(a, n, sizeof(*a), cmp);
}
X
sed -e 's/#include "has_duplicates.h"/#include "has_duplicates.h"\n#include "sort_util.h"/' \
    -e 's/qsort(copy, n, sizeof(\*copy), cmp_int);/sort_ints_asc(copy, n);/' \
    -e '/^static int cmp_int/,/^}/d' $F/has_duplicates.c >"$T/helper/has_duplicates.c"
printf '#error not the course header\n' >"$T/helper/has_duplicates.h"
printf 'int unfinished(void) { return }\n' >"$T/helper/notes.c"
cp $F/count_common.c "$T/helper/"
$GRADER grade --topic 03 --submission "$T/helper" --format json >"$T/helper.json" 2>"$T/helper.err"
expect "helper files: sort_util.c is linked, the course header kept, an unused broken file ignored: full marks" \
	"[ \"\$(json_get $T/helper.json \"d['score'] == d['max_score'] > 0\")\" = True ]" "$T/helper.json"

# The same helper broken: only the exercise that uses it fails, naming it.
mkdir -p "$T/helperbad"
cp "$T/helper/"*.c "$T/helper/sort_util.h" "$T/helperbad/"
sed -i 's/qsort(a, n, sizeof(\*a), cmp);/qsort(a, n, sizeof(*a), cmp)/' "$T/helperbad/sort_util.c"
$GRADER grade --topic 03 --submission "$T/helperbad" >"$T/helperbad.txt" 2>&1
expect "a used helper that does not compile fails its user, with its line" \
	"grep -q 'sort_util.c does not compile, and has_duplicates.c uses it' $T/helperbad.txt && grep -q 'sort_util.c:[0-9]*:[0-9]*: error' $T/helperbad.txt" "$T/helperbad.txt"
expect "a used helper that does not compile: the other exercise still scores 10" \
	"grep -Eq '^count_common +10.0 / 10.0' $T/helperbad.txt" "$T/helperbad.txt"
expect "no path of the scratch folder in the report" \
	"! grep -q 'grader-[A-Za-z0-9]\{6\}' $T/helperbad.txt" "$T/helperbad.txt"

# The rules hold for the student's headers too, and #line cannot hide code.
mkdir -p "$T/hasm" "$T/hline"
printf 'static inline int sneaky(void) { int x; __asm__("mov $1, %%0" : "=r"(x)); return x; }\n' >"$T/hasm/util.h"
printf '#include "has_duplicates.h"\n#include "util.h"\nbool has_duplicates(const int *a, size_t n) { (void)a; return n > 1 && sneaky(); }\n' >"$T/hasm/has_duplicates.c"
$GRADER grade --topic 03 --exercise has_duplicates --submission "$T/hasm" >"$T/hasm.txt" 2>&1
expect "inline assembly in a header of the student's is refused at its line" \
	"grep -q 'build       fail         util.h:1: uses inline assembly' $T/hasm.txt" "$T/hasm.txt"
printf '#include "has_duplicates.h"\n#line 1 "/usr/include/stdio.h"\nstatic int s(void) { int x; __asm__("" : "=r"(x)); return x; }\n#line 4 "has_duplicates.c"\nbool has_duplicates(const int *a, size_t n) { (void)a; return n > 1 && s(); }\n' >"$T/hline/has_duplicates.c"
$GRADER grade --topic 03 --exercise has_duplicates --submission "$T/hline" >"$T/hline.txt" 2>&1
expect "a #line naming another file is refused" \
	"grep -q 'has_duplicates.c:2: uses a line directive' $T/hline.txt" "$T/hline.txt"

# A name of the C library defined by the student is refused at the line
# of its definition, not at the C library header's declaration of it.
mkdir -p "$T/hlib"
{ cat $F/has_duplicates.c; printf '\nvoid *malloc(size_t n)\n{\n\t(void)n;\n\treturn 0;\n}\n'; } >"$T/hlib/has_duplicates.c"
t11_def=$(grep -n '^void \*malloc' "$T/hlib/has_duplicates.c" | cut -d: -f1)
$GRADER grade --topic 03 --exercise has_duplicates --submission "$T/hlib" >"$T/hlib.txt" 2>&1
expect "a redefined malloc is refused at its own line ($t11_def), not at stdlib.h's" \
	"grep -q \"build       fail         has_duplicates.c:$t11_def: defines 'malloc'\" $T/hlib.txt" "$T/hlib.txt"

# libm: a binary search that counts its steps with log2 and ceil.
mkdir -p "$T/libm"
cat >"$T/libm/binary_search.c" <<'X'
#include <math.h>
#include "binary_search.h"
ptrdiff_t binary_search(const int *a, size_t n, int key)
{
	size_t lo = 0, hi = n;
	int steps = (int)ceil(log2((double)n + 1)) + 1;
	while (lo < hi && steps-- > 0) {
		size_t mid = lo + (hi - lo) / 2;
		if (a[mid] == key)
			return (ptrdiff_t)mid;
		if (a[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}
X
$GRADER grade --topic 5 --exercise binary_search --submission "$T/libm" --format json >"$T/libm.json" 2>"$T/libm.err"
expect "libm: log2 and ceil link in the tests, benchmark and memory runs: full marks" \
	"[ \"\$(json_get $T/libm.json \"d['score'] == d['max_score'] == 10 and len(d['exercises']) == 1\")\" = True ]" "$T/libm.json"

# A crash and printf debugging: the line and what the test printed.
mkdir -p "$T/crash"
cat >"$T/crash/has_duplicates.c" <<'X'
#include <stdio.h>
#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	printf("looking at n=%zu\n", n);
	const int *far = n > 3 ? a + 100000000 : a;
	return n > 3 && far[n] == 7;
}
X
$GRADER grade --topic 03 --exercise has_duplicates --submission "$T/crash" >"$T/crash.txt" 2>&1
expect "a crash names the student's line and function" \
	"grep -q 'killed by SIGSEGV (Segmentation fault) at has_duplicates.c:8 in has_duplicates()' $T/crash.txt" "$T/crash.txt"
expect "a crash in the benchmark names the line too" \
	"grep -q 'complexity  fail .*crashed at n = [0-9]*: Segmentation fault at has_duplicates.c:8 in has_duplicates()' $T/crash.txt" "$T/crash.txt"
expect "what a failing test printed is shown under it" \
	"grep -A4 'FAIL has_duplicates/tiny_arrays' $T/crash.txt | grep -q '| looking at n=2'" "$T/crash.txt"

# A misnamed file, and an empty folder.
mkdir -p "$T/misnamed" "$T/empty"
cp $F/has_duplicates.c "$T/misnamed/has_duplicate.c"
cp $F/count_common.c "$T/misnamed/"
$GRADER grade --topic 03 --submission "$T/misnamed" >"$T/misnamed.txt" 2>&1
expect "a misnamed file gets a hint" \
	"grep -q 'found has_duplicate.c: rename it to has_duplicates.c' $T/misnamed.txt && grep -Eq '^count_common +10.0' $T/misnamed.txt" "$T/misnamed.txt"
$GRADER grade --topic 03 --submission "$T/empty" >"$T/empty.txt" 2>&1
code=$?
expect "an empty folder: one line, exit 1" \
	"[ $code -eq 1 ] && [ \$(grep -c 'has no .c files' $T/empty.txt) -eq 1 ] && ! grep -q 'is missing' $T/empty.txt" "$T/empty.txt"
# A folder with another exercise's file only, graded for the missing one:
# the text report says it is missing (it once printed nothing at all).
mkdir -p "$T/other"
cp $F/count_common.c "$T/other/"
$GRADER grade --topic 03 --exercise has_duplicates --submission "$T/other" >"$T/other.txt" 2>&1
expect "one exercise graded, its file missing: the report says so" \
	"grep -q 'build       fail         has_duplicates.c is missing from the submission' $T/other.txt" "$T/other.txt"

# The grader reads only the submission's own files, and no name is an option.
mkdir -p "$T/links"
ln -s /etc/hostname "$T/links/has_duplicates.c"
ln -s /etc/passwd "$T/links/util.c"
printf 'int x;\n' >"$T/links/-fplugin=util.c"
cp $F/count_common.c "$T/links/"
$GRADER grade --topic 03 --submission "$T/links" >"$T/links.txt" 2>&1
expect "a symbolic link is not followed, a name like an option is not used" \
	"grep -q 'has_duplicates.c is a symbolic link' $T/links.txt && grep -Eq '^count_common +10.0' $T/links.txt && ! grep -q 'root:' $T/links.txt" "$T/links.txt"

# Topics by number, name or word; none lists them.
for t in 3 03 03_time_complexity time; do
	$GRADER grade --topic $t --exercise nothing >"$T/topic.txt" 2>&1
	expect "topic '$t' finds 03_time_complexity" "grep -q 'topic 03_time_complexity has no exercise' $T/topic.txt" "$T/topic.txt"
done
$GRADER grade --topic nosuchtopic >"$T/topic.txt" 2>&1
expect "an unknown topic lists the topics" "[ $? -eq 2 ] && grep -q '^  05_big_o_notation' $T/topic.txt" "$T/topic.txt"
make -s grade >"$T/topics.txt" 2>&1
expect "make grade without TOPIC lists the topics" "grep -q '^  03_time_complexity' $T/topics.txt" "$T/topics.txt"

# Threaded code: which thread takes a lock first moves its instruction
# counts by a few percent from run to run; the runner says it started
# threads and the fit allows for that noise, so a linear pool is never
# called O(n log n) by the luck of one run. Single-threaded code keeps the
# exact meter.
mkdir -p "$T/pool"
cp solutions/09_parallel_processing/wrong/thread_pool_racy.c "$T/pool/thread_pool.c"
$GRADER grade --topic 09 --exercise thread_pool --submission "$T/pool" --format json >"$T/pool.json" 2>"$T/pool.err"
expect "threads started by a benchmark are seen, and their counts' noise does not fail an O(n) pool" \
	"[ \"\$(json_get $T/pool.json \"(d['exercises'][0]['complexity']['threaded'], d['exercises'][0]['complexity']['status'] in ('pass', 'inconclusive'))\")\" = '(True, True)' ]" "$T/pool.json"
expect "single-threaded code is measured as exact counts" \
	"[ \"\$(json_get $T/helper.json \"[e['complexity']['threaded'] for e in d['exercises']]\")\" = '[False, False]' ]" "$T/helper.json"

# A read past the end only on small inputs, in count_common, whose spec
# does not ask for the tests: only a test reaches it, and the sanitizer
# build of the tests finds it by default, naming the test and the tool in
# every report.
mkdir -p "$T/small"
sed 's/^	size_t i = 0, j = 0, common = 0;$/	size_t i = 0, j = 0, common = na == 1 \&\& a[1] == 12345;/' \
	$F/count_common.c >"$T/small/count_common.c"
$GRADER grade --topic 03 --exercise count_common --submission "$T/small" --format json --output "$T/small.json" \
	--report text="$T/small.txt" >/dev/null 2>&1
expect "a read past the end that only a test reaches fails memory, found by the sanitizers in a named test" \
	"[ \"\$(json_get $T/small.json \"(d['exercises'][0]['memory']['status'], any(e['found_by'] == 'sanitizers' and e['test'] and e['location']['file'] == 'count_common.c' for e in d['exercises'][0]['memory']['errors']))\")\" = \"('fail', True)\" ]" "$T/small.json"
expect "the text report says which tool found it" "grep -q 'found by AddressSanitizer/UBSan' $T/small.txt" "$T/small.txt"
