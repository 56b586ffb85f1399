# t08-formats.sh - every report format, from one grading of a failing, hostile submission
#
# has_duplicates gives wrong answers (failing tests, one of them hidden)
# and leaks; count_common does not compile, and the compiler repeats its
# #error line: markup, an XML end tag, a workflow command, a terminal
# escape. Every format must keep all of it as text.

t08_check() { # t08_check DESC LOG COMMAND...: like expect, in this shell
	t08_desc=$1 t08_log=$2
	shift 2
	if "$@"; then ok "$t08_desc"; else not_ok "$t08_desc" "$t08_log"; fi
}
no_esc() { # no_esc FILE...: no escape byte (ESC, or C1 CSI) in any of them
	for f in "$@"; do [ -s "$f" ] || return 1; done
	! LC_ALL=C grep -q "$(printf '\033')" "$@" && ! LC_ALL=C grep -q "$(printf '\302\233')" "$@"
}

F=$T/fmt
mkdir -p "$F/sub" "$F/spec"
cat >"$F/sub/has_duplicates.c" <<'EOF'
/* wrong answers and a leak: the copy is never freed */
#include <stdlib.h>
#include <string.h>

#include "has_duplicates.h"

bool has_duplicates(const int *a, size_t n)
{
	int *copy = malloc((n + 1) * sizeof(*copy));
	if (!copy)
		return false;
	memcpy(copy, a, n * sizeof(*copy));
	return n > 1 && copy[0] == copy[1];
}
EOF
printf '/* hostile */\n#error "</failure><script>alert(1)</script> ]]> & ::error::pwned %%0A \033[31mred | `x` *b* # SKIP"\n' \
	>"$F/sub/count_common.c"
# The course's spec with one failing test hidden from students (and
# without its private tests, whose results are hidden too).
awk '/^ *private(_show)?:/ { next } { print } /file: test_has_duplicates.c/ { print "      hidden: [duplicate_far_apart]" }' \
	specs/03_time_complexity.yaml >"$F/spec/03_time_complexity.yaml"
ln -s "$PWD/specs/03_time_complexity" "$F/spec/03_time_complexity"
ln -s "$PWD/solutions" "$F/solutions" # where the spec's variants are

GITHUB_STEP_SUMMARY=$F/summary.md $GRADER grade --spec "$F/spec/03_time_complexity.yaml" --root . \
	--submission "$F/sub" --format github --annotate-root "$F" \
	--report json="$F/r.json" --report junit="$F/r.xml" --report gradescope="$F/gs.json" \
	--report tap="$F/r.tap" --report html="$F/r.html" --report text="$F/r.txt" \
	>"$F/r.gh" 2>"$F/err"
code=$?
t08_check "formats: a failing submission exits 1" "$F/err" [ $code -eq 1 ]

# json: valid, and the hidden test's message withheld
t08_check "formats: json is valid" "$F/r.json" json_ok "$F/r.json"
t08_check "formats: json withholds the hidden test's message" "$F/r.json" [ "$(json_get "$F/r.json" \
	"[(c['message'], c['location']) for c in d['exercises'][0]['tests']['cases'] if c['hidden']]")" = "[(None, None)]" ]

# junit: well-formed, the counts consumers read agree with the cases
t08_check "formats: junit is well-formed XML (xmllint)" "$F/r.xml" xmllint --noout "$F/r.xml"
cat >"$F/junit.py" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == 'testsuites', root.tag
assert not list(root.iter('script')), 'markup got through'
total = {'tests': 0, 'failures': 0, 'errors': 0, 'skipped': 0}
suites = root.findall('testsuite')
assert [s.get('name') for s in suites] == ['has_duplicates', 'count_common'], suites
for s in suites:
    cases = s.findall('testcase')
    got = {'tests': len(cases),
           'failures': sum(1 for c in cases if c.find('failure') is not None),
           'errors': sum(1 for c in cases if c.find('error') is not None),
           'skipped': sum(1 for c in cases if c.find('skipped') is not None)}
    for k, v in got.items():
        assert int(s.get(k)) == v, (s.get('name'), k, s.get(k), v)
        total[k] += v
    for c in cases:
        assert c.get('name') and c.get('classname'), c.attrib
        assert len([e for e in c if e.tag in ('failure', 'error', 'skipped')]) <= 1
for k, v in total.items():
    assert int(root.get(k)) == v, (k, root.get(k), v)
names = [c.get('name') for c in root.iter('testcase')]
assert {'build', 'complexity', 'memory'} <= set(names), names
build = [c for c in suites[1].findall('testcase') if c.get('name') == 'build'][0].find('failure')
assert '</failure><script>' in build.text, build.text
hidden = [c for c in root.iter('testcase') if c.get('name').endswith('duplicate_far_apart')][0]
assert 'got' not in ET.tostring(hidden, encoding='unicode'), 'hidden message shown'
assert total['failures'] >= 3 and total['skipped'] == 3, total
EOF
t08_check "formats: junit counts match its testcases; hostile text stays text" "$F/r.xml" \
	python3 "$F/junit.py" "$F/r.xml"

# gradescope: the results.json contract
cat >"$F/gs.py" <<'EOF'
import json, sys
g = json.load(open(sys.argv[1]))
d = json.load(open(sys.argv[2]))
assert abs(g['score'] - d['score']) < 1e-2, (g['score'], d['score'])
assert isinstance(g['output'], str) and g['tests']
for t in g['tests']:
    assert set(t) >= {'name', 'score', 'max_score', 'status', 'visibility'}, t
    assert t['status'] in ('passed', 'failed') and t['visibility'] in ('visible', 'hidden', 'after_published'), t
    assert 0 <= t['score'] <= t['max_score'] + 1e-9, t
assert abs(sum(t['score'] for t in g['tests']) - g['score']) < 1e-3
assert abs(sum(t['max_score'] for t in g['tests']) - d['max_score']) < 1e-3
hidden = [t for t in g['tests'] if t['visibility'] != 'visible']
assert len(hidden) == 1 and 'duplicate_far_apart' in hidden[0]['name'] and not hidden[0].get('output'), hidden
assert hidden[0]['status'] == 'failed'
EOF
t08_check "formats: gradescope results.json has the fields, scores and a hidden test" "$F/gs.json" \
	python3 "$F/gs.py" "$F/gs.json" "$F/r.json"

# tap: version, plan, one line per point, and Perl's own TAP parser agrees
cat >"$F/tap.sh" <<'EOF'
f=$1
[ "$(sed -n 1p "$f")" = "TAP version 13" ] || exit 1
plan=$(sed -n 2p "$f" | sed -n 's/^1\.\.\([0-9][0-9]*\)$/\1/p')
[ -n "$plan" ] || exit 1
[ "$(grep -Ec '^(not )?ok [0-9]+ - ' "$f")" -eq "$plan" ] || exit 1
grep -q '^ok [0-9]* - count_common: tests # SKIP ' "$f" || exit 1
command -v perl >/dev/null 2>&1 || exit 0
perl -MTAP::Parser -e '
	my $p = TAP::Parser->new({ source => $ARGV[0] });
	1 while $p->next;
	exit(($p->parse_errors || !$p->is_good_plan || $p->version != 13 || $p->skipped != 3) ? 1 : 0);
' "$f"
EOF
t08_check "formats: tap has version 13, a plan and parses (TAP::Parser)" "$F/r.tap" sh "$F/tap.sh" "$F/r.tap"

# github: every line a workflow command, at the student's lines
t08_check "formats: github output is workflow commands only" "$F/r.gh" \
	sh -c '[ -s "$1" ] && ! grep -Ev "^::(error|warning|notice) ((file|line|col|title)=[^:,]*)(,(file|line|col|title)=[^:,]*)*::" "$1"' - "$F/r.gh"
t08_check "formats: github annotates the leak at its malloc line" "$F/r.gh" \
	grep -q '^::error file=sub/has_duplicates.c,line=9,title=has_duplicates%3A memory leak::' "$F/r.gh"
t08_check "formats: github annotates the compiler error at its line" "$F/r.gh" \
	grep -q '^::error file=sub/count_common.c,line=2,col=2,title=count_common%3A does not compile::.*%250A' "$F/r.gh"
t08_check "formats: github annotates failing tests at the function" "$F/r.gh" \
	grep -q '^::error file=sub/has_duplicates.c,line=7,title=has_duplicates%3A test has_duplicates/distinct_then_one_repeat failed::' "$F/r.gh"
t08_check "formats: github gives a hidden test's name only" "$F/r.gh" \
	grep -q '::hidden test has_duplicates/duplicate_far_apart failed$' "$F/r.gh"
t08_check "formats: github step summary has the table and no markup" "$F/summary.md" \
	sh -c 'grep -q "^| exercise | score | build | tests | complexity | memory |" "$1" && ! grep -q "<script" "$1"' - "$F/summary.md"

# html: well-formed (it is polyglot XHTML), nothing but HTML5 tags unknown to libxml2's HTML 4 parser
t08_check "formats: html is well-formed (xmllint)" "$F/r.html" xmllint --noout "$F/r.html"
t08_check "formats: html parses as HTML (xmllint --html)" "$F/r.html" \
	sh -c 'xmllint --html --noout "$1" 2>&1 | grep "error" | grep -Ev "Tag [a-zA-Z]+ invalid" | { ! grep .; }' - "$F/r.html"
t08_check "formats: html has the growth plot and memory bar, no script, no external asset" "$F/r.html" \
	sh -c 'grep -q "<svg" "$1" && grep -q "peak heap" "$1" && ! grep -qi "<script\|src=\|href=\|url(http" "$1" && grep -q "&lt;script&gt;" "$1"' - "$F/r.html"

t08_check "formats: no terminal escape in any report" "$F/r.txt" \
	no_esc "$F/r.json" "$F/r.xml" "$F/gs.json" "$F/r.tap" "$F/r.gh" "$F/r.html" "$F/r.txt" "$F/summary.md"

$GRADER grade --topic 03 --format yaml >"$F/bad.txt" 2>&1
t08_check "formats: an unknown format is a usage error" "$F/bad.txt" [ $? -eq 2 ]
