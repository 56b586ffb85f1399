#!/bin/sh
# bench.sh - where grading time goes: per topic and per check, beside the
# floor (the bare cost of the programs the checks must run) and the ratio.
#
#   sh grader/bench.sh GRADER TOPIC...
#
# The floor, measured here on this machine first: a compile and link of a
# one-line C file (build), callgrind starting and ending a one-line program
# (growth), massif and memcheck doing the same (memory); the tests have no
# floor beyond the build. A topic's floor is the sum over its exercises,
# divided by the cores the grader uses at once (it grades exercises in
# parallel). Every figure is one wall-clock run on a possibly busy
# machine: compare the ratios, not the seconds, between machines.
set -u
GRADER=$1
shift
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

printf 'int main(void) { return 0; }\n' >"$T/empty.c"
start=$(now)
gcc -O1 -g "$T/empty.c" -o "$T/empty" || exit 1
f_build=$(since "$start")
start=$(now)
valgrind --tool=callgrind --callgrind-out-file=/dev/null -q "$T/empty"
f_growth=$(since "$start")
start=$(now)
valgrind --tool=massif --massif-out-file=/dev/null -q "$T/empty"
valgrind --tool=memcheck -q "$T/empty"
f_memory=$(since "$start")
cores=$(nproc 2>/dev/null || echo 1)
echo "floor per exercise: build $f_build s, growth $f_growth s, memory $f_memory s; $cores cores"

printf '%-28s %8s %8s %8s %8s %9s %9s %7s\n' topic build tests growth memory afresh unchanged ratio
for t in "$@"; do
	s=$(ls specs/"$t"*.yaml | head -1)
	s=${s#specs/}
	s=${s%.yaml}
	start=$(now)
	"$GRADER" grade --topic "$t" --submission "solutions/$s" --force --timings >/dev/null 2>"$T/timings"
	afresh=$(since "$start")
	start=$(now)
	"$GRADER" grade --topic "$t" --submission "solutions/$s" >/dev/null 2>&1
	again=$(since "$start")
	# The --timings table: one row per exercise, then the wall line.
	awk -v name="$s" -v afresh="$afresh" -v again="$again" -v cores="$cores" \
	    -v fb="$f_build" -v fg="$f_growth" -v fm="$f_memory" '
		$1 == "exercise" { table = 1; next }
		table && $1 != "sum" && $1 != "wall" && NF >= 7 { n++; b += $2; t += $3; g += $4; m += $5 }
		END {
			par = n < cores ? n : cores
			floor = n * (fb + fg + fm) / (par ? par : 1)
			ratio = "-"
			if (floor > 0)
				ratio = sprintf("%.1fx", afresh / floor)
			printf "%-28s %8.2f %8.2f %8.2f %8.2f %9.2f %9.2f %7s\n", name, b, t, g, m, afresh, again, ratio
			printf "%-28s %8.2f %8s %8.2f %8.2f %9.2f %9s\n", "  floor", n * fb, "-", n * fg, n * fm, floor, ""
		}' "$T/timings"
done
echo "build, tests, growth and memory are summed over the exercises (they run in parallel);"
echo "afresh and unchanged are the wall time of the whole topic; ratio = afresh / floor."
