#!/bin/sh
# run.sh - end-to-end tests: the real grader on real course files.
# Each test prints "ok N - what" or "not ok N - what"; the last line
# counts them. Exit status 1 when any failed.
set -u
cd "$(dirname "$0")/../.."
GRADER=${GRADER:-build/grader}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0 n=0

ok() { n=$((n + 1)); pass=$((pass + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && sed 's/^/#   /' "$2" | head -40; }
expect() { # expect DESC CONDITION-COMMAND [LOG]
	desc=$1; shift
	log=${2:-}
	if eval "$1"; then ok "$desc"; else not_ok "$desc" "$log"; fi
}
# A check that cannot run fails: a missing tool never makes a test pass.
need_tool() { # need_tool TOOL: 0 when TOOL is on PATH, else says so and returns 1
	command -v "$1" >/dev/null 2>&1 && return 0
	echo "# $1 is missing: install it with make deps (grader/deps.sh)" >&2
	return 1
}
json_ok() { # json_ok FILE: valid JSON, by python3's parser
	need_tool python3 && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$1"
}
json_get() { # json_get FILE EXPR: a value from the report, e.g. "d['score']"
	need_tool python3 && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

for tool in python3 xmllint; do
	expect "the end-to-end tests have $tool (grader/deps.sh installs it)" "need_tool $tool"
done

for t in grader/t/t[0-9]*.sh; do
	. "./$t"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
