# t05-hostile.sh - hostile submissions: each trick in grader/testdata/hostile
# (a has_duplicates.c, paired with the reference count_common.c) gets a
# clear verdict, the other exercise is graded normally, every grading ends
# in bounded time, and nothing outside the grader's scratch folder is
# touched or left running.
#
# Tricks whose code runs and could reach beyond its own grading (processes,
# files, memory, output, time) are graded for real, without the result
# cache, so that their count_common.c is graded beside them. The others
# never run or only end their own test process: they use the cache, so the
# reference count_common.c is graded once (first, alone), not thirty times.
# Gradings run a few at a time; the fork storm, which burns every core it
# can for its time limit, runs beside gradings that measure nothing.

H=grader/testdata/hostile
HT=$T/hostile
mkdir -p "$HT"
# Children run as another user when the grader runs as root: they must be
# able to reach the scratch folders kept under $HT.
chmod 711 "$T" "$HT"
hostile_start=$(date +%s)

# hostile_grade TRICK [VAR=VALUE...]: grades TRICK in the background into
# $HT/TRICK/: out.json, err, code (exit status), seconds. Its scratch folder
# is under $HT/TRICK too, so what it leaves running can be found.
hostile_grade() {
	trick=$1
	shift
	d=$HT/$trick
	mkdir -p "$d/sub" "$d/tmp"
	chmod 711 "$d" "$d/tmp"
	cp "$H/$trick/"* solutions/03_time_complexity/count_common.c "$d/sub/"
	(
		start=$(date +%s)
		# exec keeps the pid: as root, the children run as uid
		# 61000 + pid % 4000 (spawn.c, RUN_UID_BASE).
		sh -c 'echo $$ >"$1/pid"; shift; exec "$@"' - "$d" env "$@" TMPDIR="$d/tmp" \
			$GRADER grade --topic 03 --submission "$d/sub" --format json --quiet \
			>"$d/out.json" 2>"$d/err"
		echo $? >"$d/code"
		echo $(($(date +%s) - start)) >"$d/seconds"
	) &
	hostile_pids="$hostile_pids $!"
}

# hostile_batch N TRICK...: grades the tricks N at a time (with the cache)
# and waits for them.
hostile_batch() {
	k=$1
	shift
	while [ $# -gt 0 ]; do
		hostile_pids=
		for i in $(seq "$k"); do
			[ $# -gt 0 ] || break
			hostile_grade "$1"
			shift
		done
		wait $hostile_pids
	done
}

# hostile_alive TRICK: the processes still alive that TRICK's grading
# started: any process of the uid its children ran as (when root: 61000 +
# the grader's pid % 4000, spawn.c's RUN_UID_BASE; that uid is this
# grading's own), and any process of this user whose working folder or
# HOME is under its folder.
hostile_alive() {
	d=$HT/$1
	me=$(id -u) run_uid=
	[ "$me" -eq 0 ] && [ -s "$d/pid" ] && run_uid=$((61000 + $(cat "$d/pid") % 4000))
	for p in /proc/[0-9]*; do
		owner=$(stat -c %u "$p" 2>/dev/null) || continue
		if [ -n "$run_uid" ] && [ "$owner" = "$run_uid" ]; then
			echo "${p#/proc/}"
			continue
		fi
		[ "$owner" = "$me" ] || continue
		case "$(readlink "$p/cwd" 2>/dev/null)" in
		"$d"/*) echo "${p#/proc/}"; continue ;;
		esac
		if { tr '\0' '\n' <"$p/environ"; } 2>/dev/null | grep -q "^HOME=$d/"; then
			echo "${p#/proc/}"
		fi
	done
}

# hostile_check TRICK CHECK PATTERN [EXIT]: TRICK's grading exited EXIT (1),
# has_duplicates failed CHECK with a reason that contains PATTERN, the
# reference count_common.c still scored 10, and it took under 60 s.
hostile_check() {
	hc_dir=$HT/$1
	hc_want=${4:-1}
	hc_pattern=$3
	expect "hostile $1: exit $hc_want" "[ \"\$(cat \$hc_dir/code)\" = \$hc_want ]" "$hc_dir/out.json"
	expect "hostile $1: $2 fails: ...$3..." \
		"[ \"\$(json_get \$hc_dir/out.json \"d['exercises'][0]['$2']['status']\")\" = fail ] &&
		 json_get \$hc_dir/out.json \"d['exercises'][0]['$2']['reason']\" | grep -qF -- \"\$hc_pattern\"" \
		"$hc_dir/out.json"
	expect "hostile $1: count_common still scores 10" \
		"[ \"\$(json_get \$hc_dir/out.json \"d['exercises'][1]['score']\")\" = 10 ]" "$hc_dir/out.json"
	expect "hostile $1: graded in under 60 s ($(cat "$hc_dir/seconds" 2>/dev/null) s)" \
		"[ \"\$(cat \$hc_dir/seconds)\" -lt 60 ]" "$hc_dir/err"
}

# Files the file-writing trick aims at: none may exist after it.
pwned_targets="/tmp/pwned /root/pwned $HT/write_files/pwned $HT/pwned $PWD/pwned $PWD/$H/pwned"
[ "${HOME:-/root}" = /root ] || pwned_targets="$pwned_targets $HOME/pwned"
pwned_before=
for f in $pwned_targets; do
	[ -e "$f" ] && pwned_before="$pwned_before $f"
done

# Blocked signals and endless sleep: slow (every test waits for its
# timeout) but idle, so it runs beside everything.
hostile_pids=
hostile_grade sleep_blocked GRADER_CACHE=0
hostile_grade sleep_under_memcheck GRADER_CACHE=0
sleeper=$hostile_pids

# The reference count_common.c into the cache, beside a submission that
# does not build.
hostile_batch 1 fork_storm

# Three tricks get past every build-time rule (machine code written at run
# time) or write files: only a sandbox holds them. Without one (the report
# says so) they would be let loose on this machine: they are not run.
sandboxed=$(json_get "$HT/fork_storm/out.json" "d['notes'] is None or 'no sandbox' not in d['notes']" 2>/dev/null)
if [ "$sandboxed" = True ]; then
	unleashed="fork_jit kill_all_jit write_files tmpfs_fill"
else
	unleashed=
	echo "# no sandbox here: fork_jit, kill_all_jit, write_files and tmpfs_fill are not run"
fi

# The fork storm (machine code written at run time, past every build-time
# check), beside submissions refused at build time.
hostile_pids=
[ -n "$unleashed" ] && hostile_grade fork_jit GRADER_CACHE=0
storm=$hostile_pids
hostile_batch 3 harness_symbol criterion_symbol interpose_malloc startup_hook ifunc_resolver \
	fork_constructor fork_attribute_constructor fork_hidden network detect_valgrind \
	exit_group_syscall inline_asm_syscall asm_macro section_inject setsid kill_parent include_host_file \
	line_in_included_c
[ -z "$storm" ] || wait $storm
sleep 1
[ -n "$unleashed" ] && expect "hostile fork_jit: none of the processes it forked is alive 1 s later" \
	"[ -z \"\$(hostile_alive fork_jit)\" ]"

# What burns CPU, memory or output, for real, a few at a time.
hostile_pids=
for trick in infinite_loop memory_hog output_flood scratch_fill ${unleashed:+kill_all_jit tmpfs_fill}; do
	hostile_grade "$trick" GRADER_CACHE=0
done
wait $hostile_pids

# What runs and ends its own test process, or writes files.
hostile_pids=
[ -n "$unleashed" ] && hostile_grade write_files GRADER_CACHE=0
writer=$hostile_pids
hostile_batch 3 exit0 underscore_exit abort student_main fake_output modify_input detect_env \
	detect_cmdline exit_group_jit pthread_exit_main forge_callgrind_atexit plant_massif_out \
	recreate_memcheck_log zero_meter_jit fork_symbol_walk syscall_symbol_walk setrlimit64_alias \
	static_bss_bitmap static_bench_alloc hoard_static_list mmap_table extremes_bitmap range_table_small_n flood_small_n close_stdio_small_n fake_heap_report memory_power_of_two fake_include_marker \
	helper_file_leak
wait $writer $sleeper
sleep 1
for trick in infinite_loop memory_hog output_flood sleep_blocked sleep_under_memcheck scratch_fill $unleashed; do
	expect "hostile $trick: nothing of it is alive 1 s later" "[ -z \"\$(hostile_alive $trick)\" ]"
done
for f in $pwned_targets; do
	[ -n "$unleashed" ] || break
	case " $pwned_before " in
	*" $f "*) echo "# $f existed before the file-writing trick ran: not checked" ;;
	*) expect "hostile write_files: $f was not written" "[ ! -e $f ]" ;;
	esac
done

for trick in fork_storm fork_constructor fork_attribute_constructor fork_hidden; do
	expect "hostile $trick: no process of it is alive" "[ -z \"\$(hostile_alive $trick)\" ]"
done

hostile_check exit0 tests 'the code under test called exit(0)'
hostile_check underscore_exit tests 'the code under test called _exit(0)'
hostile_check abort tests 'the code under test called abort()'
hostile_check student_main tests 'expected true'
expect "hostile student_main: the report says main() is ignored" \
	"json_get $HT/student_main/out.json \"d['exercises'][0]['build']['log']\" | grep -q 'main() is ignored'" \
	"$HT/student_main/out.json"
hostile_check harness_symbol build 'uses a name reserved for the grader'
hostile_check criterion_symbol build "defines 'criterion_send_assert'"
hostile_check interpose_malloc build "which would replace the C library's own"
hostile_check startup_hook build "defines '__gmon_start__'"
hostile_check ifunc_resolver build 'indirect function'
hostile_check fake_output tests 'the test runner was killed'
expect "hostile fake_output: no forged record counts: no test passed" \
	"[ \"\$(json_get $HT/fake_output/out.json \"d['exercises'][0]['tests']['passed']\")\" = 0 ]" \
	"$HT/fake_output/out.json"
# Its 2 s of CPU time, or on a machine as busy as this test makes it, 4
# times that on the clock: either way, 'without finishing'.
hostile_check infinite_loop tests 'without finishing'
hostile_check fork_storm build 'calls fork(): graded code may not start processes'
hostile_check fork_constructor build 'a constructor by another name'
hostile_check fork_attribute_constructor build 'defines a constructor or destructor'
hostile_check fork_hidden build 'calls _Fork(): graded code may not start processes'
# Its 2 s of CPU time, or, on a machine as busy and as short of memory as
# this test makes it, waiting for memory or 4 times that on the clock:
# each says 'without finishing'.
hostile_check memory_hog tests 'without finishing'
hostile_check network build 'graded code may not use the network'
hostile_check modify_input tests 'has_duplicates modified its input'
hostile_check detect_valgrind build 'includes a valgrind header'
hostile_check output_flood tests 'printed more than 4.0 MiB'
hostile_check exit_group_syscall build 'calls syscall(): graded code may not make raw system calls'
hostile_check inline_asm_syscall build 'uses inline assembly'
hostile_check asm_macro build 'uses inline assembly'
hostile_check section_inject build 'places code or data in a section of its choosing'
hostile_check exit_group_jit tests 'the code under test called mmap(), which the sandbox refuses'
hostile_check pthread_exit_main tests 'called pthread_exit()'
# valgrind's results come through descriptors the code under test cannot
# reach (grader/valgrind/channel.h): files it forges, plants or recreates in
# its folder are read by no one, and a meter zeroed from inside is caught
# by the clock.
hostile_check forge_callgrind_atexit complexity 'grows as O(n^2)'
hostile_check plant_massif_out memory 'peak heap 32.0 MiB at n = 8015 is over the budget'
hostile_check recreate_memcheck_log memory 'leaks'
hostile_check zero_meter_jit complexity 'measurements disagree'
# Memory outside malloc, and a name that would hide memory from the meter.
hostile_check static_bss_bitmap memory 'with 512.0 MiB of static data'
hostile_check extremes_bitmap memory 'held 512.0 MiB of heap at once on the input of n = 3 in test has_duplicates/int_extremes'
# Huge only on a test's few values over a wide range: the budget holds at
# each test's own n (test_heap.h), under the coarse net's 68 MiB.
hostile_check range_table_small_n memory 'on the input of n = 8 in test has_duplicates/few_values_wide_range'
# Printing 8 KiB first cannot push the report out of the kept output.
hostile_check flood_small_n memory 'held 8.0 MiB of heap at once on the input of n = '
# Closing the test's output first: the report does not arrive, and memory
# is a measurement error (exit 3), not a pass.
expect "hostile close_stdio_small_n: exit 3" "[ \"\$(cat $HT/close_stdio_small_n/code)\" = 3 ]" "$HT/close_stdio_small_n/out.json"
expect "hostile close_stdio_small_n: memory is an error: its report did not arrive" \
	"[ \"\$(json_get $HT/close_stdio_small_n/out.json \"d['exercises'][0]['memory']['status']\")\" = error ] &&
	 json_get $HT/close_stdio_small_n/out.json \"d['exercises'][0]['memory']['reason']\" | grep -qF 'did not arrive'" \
	"$HT/close_stdio_small_n/out.json"
# Fake report lines in every guessable form, then the output closed: only
# lines with the run's key count, and the real ones did not arrive.
expect "hostile fake_heap_report: exit 3" "[ \"\$(cat $HT/fake_heap_report/code)\" = 3 ]" "$HT/fake_heap_report/out.json"
expect "hostile fake_heap_report: memory is an error: the real report did not arrive" \
	"[ \"\$(json_get $HT/fake_heap_report/out.json \"d['exercises'][0]['memory']['status']\")\" = error ] &&
	 json_get $HT/fake_heap_report/out.json \"d['exercises'][0]['memory']['reason']\" | grep -qF 'did not arrive'" \
	"$HT/fake_heap_report/out.json"
# Light only at a power of two: the memory run is moved off 8192 too.
hostile_check memory_power_of_two memory 'at n = 8015 is over the budget'
hostile_check static_bench_alloc build 'uses a name reserved for the grader'
hostile_check hoard_static_list memory 'still reachable: kept after the call returns'
hostile_check mmap_table memory 'from outside malloc'
hostile_check fake_include_marker build 'uses a line directive'
# A helper .c file included, never compiled alone, names another file: the
# preprocessor's record of file changes shows it (the object's line table
# would too: unit test origin).
hostile_check line_in_included_c build 'names another file with #line'
# The graded function written in a helper file: its leaks are still its own.
hostile_check helper_file_leak memory 'allocated at dup_impl.c:15'
hostile_check sleep_blocked tests 'ran past 2 s without finishing while its processor time stood still'
hostile_check setsid build 'calls setsid(): graded code may not leave its process group'
hostile_check kill_parent build 'calls kill(): graded code may not send signals to other processes'
if [ -n "$unleashed" ]; then
	hostile_check fork_jit tests 'the code under test called mmap(), which the sandbox refuses'
	hostile_check kill_all_jit tests 'the code under test called mmap(), which the sandbox refuses'
	hostile_check write_files complexity 'grows as O(n^2)'
	expect "hostile write_files: its tests still pass" \
		"[ \"\$(json_get $HT/write_files/out.json \"d['exercises'][0]['tests']['status']\")\" = pass ]" \
		"$HT/write_files/out.json"
fi

# Past every build-time rule, refused by the kernel (grader/harness/lockdown.c):
# fork() and syscall() found by walking the C library's symbols, a 64-bit
# alias of setrlimit that no name list holds. Each test fails naming the
# call; under valgrind the call fails too, so the child's work never counts.
hostile_check fork_symbol_walk tests 'the code under test called clone(), which the sandbox refuses'
hostile_check syscall_symbol_walk tests 'the code under test called kill(), which the sandbox refuses'
hostile_check setrlimit64_alias tests 'the code under test called prlimit64(), which the sandbox refuses'
expect "hostile fork_symbol_walk: no process of it is alive" "[ -z \"\$(hostile_alive fork_symbol_walk)\" ]"

# The host is safe (README, "Security model"): the run's folder is capped,
# and so are the sandbox's /tmp and /dev/shm (tmpfs_fill stops itself with
# SIGTRAP if it wrote more than the caps allow); the compiler sees no file
# of the machine's outside the system folders; a submission that sleeps
# only under memcheck does not hold its grading past the time limit.
hostile_check scratch_fill tests 'filled its folder past the 256.0 MiB a run may leave there'
hostile_check include_host_file build 'does not compile'
if [ -n "$unleashed" ]; then
	expect "hostile include_host_file: no line of the machine's /etc/passwd reaches the report" \
		"! grep -q 'root:x:0:0' $HT/include_host_file/out.json" "$HT/include_host_file/out.json"
	d=$HT/tmpfs_fill
	expect "hostile tmpfs_fill: /tmp and /dev/shm are capped: complexity fails, not a crash" \
		"[ \"\$(json_get $d/out.json \"d['exercises'][0]['complexity']['status']\")\" = fail ] &&
		 ! json_get $d/out.json \"d['exercises'][0]['complexity']['reason']\" | grep -q crashed" "$d/out.json"
	expect "hostile tmpfs_fill: count_common still scores 10, in under 60 s" \
		"[ \"\$(json_get $d/out.json \"d['exercises'][1]['score']\")\" = 10 ] && [ \"\$(cat $d/seconds)\" -lt 60 ]" \
		"$d/out.json"
fi
d=$HT/sleep_under_memcheck
expect "hostile sleep_under_memcheck: graded in under 60 s ($(cat "$d/seconds" 2>/dev/null) s), memory not passed" \
	"[ \"\$(cat $d/seconds)\" -lt 60 ] &&
	 [ \"\$(json_get $d/out.json \"d['exercises'][0]['memory']['status']\")\" != pass ]" "$d/out.json"

# A known limit (README, "Security model"): code that tells the benchmark
# from the tests by its command line or its folder runs its honest,
# quadratic path natively in the tests and a shortcut when measured. The
# grader cannot tell; these record what it reports, and that nothing else
# breaks.
for trick in detect_env detect_cmdline; do
	d=$HT/$trick
	expect "hostile $trick (known limit): the tests run the honest path natively and pass" \
		"[ \"\$(json_get $d/out.json \"d['exercises'][0]['tests']['status']\")\" = pass ]" "$d/out.json"
	expect "hostile $trick (known limit): count_common still scores 10, in under 60 s" \
		"[ \"\$(json_get $d/out.json \"d['exercises'][1]['score']\")\" = 10 ] && [ \"\$(cat $d/seconds)\" -lt 60 ]" \
		"$d/out.json"
done

echo "# t05-hostile: $(($(date +%s) - hostile_start)) s"

# Wrong or shortcut code that the tests and the benchmark used to miss
# (issue 12): an O(1) look at the three places the fixed tests put their
# duplicates; a shortcut when n is a power of two, or when a SIGALRM
# handler or interval timer is seen (the runner used to set both). The
# randomised tests catch the first, the checked answers too; with sizes
# moved off powers of two and no timer in the runner, the other two are
# measured on their honest, quadratic path.
# The two shortcuts run their quadratic path in every check (the tests
# under memcheck too): two at a time, as detect_env and detect_cmdline.
hostile_batch 1 three_positions
hostile_batch 2 power_of_two_shortcut alarm_shortcut
hostile_check three_positions tests 'of 11 passed'
expect "hostile three_positions: the randomised cases catch it, with their seed" \
	"json_get $HT/three_positions/out.json \"[c['message'] for c in d['exercises'][0]['tests']['cases'] if c['name'] == 'has_duplicates/random_against_oracle'][0]\" | grep -qF 'random case 0 (seed '" \
	"$HT/three_positions/out.json"
expect "hostile three_positions: the benchmark's checked answers catch it too" \
	"json_get $HT/three_positions/out.json \"d['exercises'][0]['complexity']['reason']\" | grep -qF 'gave a wrong answer at n ='" \
	"$HT/three_positions/out.json"
hostile_check power_of_two_shortcut complexity 'grows'
hostile_check alarm_shortcut complexity 'grows'
# The shortcuts of detect_env and detect_cmdline answer without looking:
# at some size of the ladder that answer is wrong.
for trick in detect_env detect_cmdline; do
	expect "hostile $trick: a constant answer in the benchmark is a wrong answer" \
		"json_get $HT/$trick/out.json \"d['exercises'][0]['complexity']['reason']\" | grep -qF 'gave a wrong answer at n ='" \
		"$HT/$trick/out.json"
done
