# t13-objects.sh - the course's objects are compiled once per course version
#
# On a copy of the course: a first grading stores the runner's and the
# course's compiled objects (build/cache/objects); a second grading afresh
# (--force) adds none, so it compiled nothing of the course's; a changed
# test file is compiled again, and its new failing test shows; the course
# restored, its old objects serve again.

O=$T/objects
chmod 711 "$T"
mkdir -p "$O/course/grader"
cp -r specs exercises solutions "$O/course/"
cp -r grader/harness "$O/course/grader/"
chmod -R a+rX "$O"
t13_store=$O/course/build/cache/objects
t13_entries() { ls "$t13_store" 2>/dev/null | grep -vc '\.tmp$'; }
t13_grade() { # t13_grade OUT: topic 03's references, afresh, as JSON
	$GRADER grade --root "$O/course" --topic 03 --submission solutions/03_time_complexity --force \
		--format json >"$1" 2>"$1.err"
}

t13_grade "$O/first.json"
t13_first=$(t13_entries)
expect "objects: a first grading stores the runner's objects and each exercise's course objects ($t13_first entries)" \
	"[ $t13_first -ge 5 ] && [ \"\$(json_get $O/first.json 'd[\"score\"]')\" = \"\$(json_get $O/first.json 'd[\"max_score\"]')\" ]" \
	"$O/first.json.err"
t13_grade "$O/again.json"
expect "objects: a second grading afresh compiles none of the course's files (still $t13_first entries)" \
	"[ \$(t13_entries) -eq $t13_first ] && [ \"\$(json_get $O/again.json 'd[\"score\"]')\" = \"\$(json_get $O/first.json 'd[\"score\"]')\" ]" \
	"$O/again.json.err"

t13_tests=$O/course/specs/03_time_complexity/test_count_common.c
cp "$t13_tests" "$O/test_count_common.c.orig"
cat >>"$t13_tests" <<'EOF'

Test(count_common, added_by_the_instructor)
{
	cr_assert_eq(1, 2, "a test the instructor just added");
}
EOF
t13_grade "$O/edited.json"
expect "objects: an edited test file is compiled again: its new test runs and fails" \
	"json_get $O/edited.json \"[c['message'] for e in d['exercises'] for c in e['tests']['cases'] if c['name'].endswith('added_by_the_instructor')]\" | grep -q 'a test the instructor just added'" \
	"$O/edited.json"
t13_edited=$(t13_entries)
cp "$O/test_count_common.c.orig" "$t13_tests"
t13_grade "$O/restored.json"
expect "objects: the course restored, its stored objects serve again (no new entry, full marks)" \
	"[ \$(t13_entries) -eq $t13_edited ] && [ \"\$(json_get $O/restored.json 'd[\"score\"]')\" = \"\$(json_get $O/first.json 'd[\"score\"]')\" ]" \
	"$O/restored.json"
