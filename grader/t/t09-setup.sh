# t09-setup.sh - grading works wherever a user keeps the course: a fresh
# clone in a folder only its owner can read, under a path holding spaces,
# with TMPDIR somewhere private; as root (children run as a user of their
# own, who cannot read the course) and, when this runs as root, as an
# unprivileged user too; and with the course on a read-only file system.
# Each grades topic 03's references and must give full marks.
#
# The clone is of this repository's committed HEAD; the grader binary is
# the one under test, copied into the clone's build/ (where the grader
# finds its course). What is tested is where the course may be, not how
# fast: the gradings get a generous time limit (GRADER_TIME_LIMIT), so a
# busy machine does not cut their memcheck runs short.

setup_start=$(date +%s)
S=$T/setup
mkdir -p "$S"

# setup_clone DIR: a fresh clone of this repository at DIR (a path that may
# hold spaces), with the grader under test in DIR/build.
setup_clone() {
	git -c safe.directory='*' clone -q "$PWD" "$1" 2>"$S/clone.err" &&
		mkdir -p "$1/build" && cp "$GRADER" "$1/build/grader"
}

# setup_full LOG: the report in LOG (text) says 20.0 / 20.0 and nothing of
# it was refused for a permission.
setup_full() {
	grep -q 'Score: 20.0 / 20.0' "$1" && ! grep -q 'Permission denied' "$1"
}

# As whoever runs this (root in CI): the course in a 0700 folder, under a
# name with spaces, TMPDIR a private folder of its own.
private="$S/private home"
mkdir -p "$private/tmp dir"
chmod 700 "$private" "$private/tmp dir"
if setup_clone "$private/my course"; then
	chmod 700 "$private/my course"
	(cd "$private/my course" && TMPDIR="$private/tmp dir" GRADER_CACHE=0 GRADER_TIME_LIMIT=600 build/grader grade --topic 03 \
		--submission solutions/03_time_complexity --no-color) >"$S/private.log" 2>&1
	echo $? >"$S/private.code"
	expect "setup: a clone in a 0700 folder with spaces in its path, TMPDIR private, as $(id -un): full marks, exit 0" \
		"[ \"\$(cat \$S/private.code)\" = 0 ] && setup_full \"\$S/private.log\"" "$S/private.log"
	expect "setup: the course's folder is still 0700 afterwards" \
		"[ \"\$(stat -c %a \"\$private/my course\")\" = 700 ] && [ \"\$(stat -c %a \"\$private\")\" = 700 ]"
else
	not_ok "setup: git clone of this repository into a 0700 folder" "$S/clone.err"
fi

if [ "$(id -u)" -eq 0 ]; then
	# The course on a read-only file system (a read-only bind mount in a
	# mount namespace of its own): no cache, nothing written to it.
	if unshare -m true 2>/dev/null; then
		(cd "$private/my course" && unshare -m sh -c \
			'mount --bind -o ro . . && cd "$PWD" && touch probe 2>/dev/null && echo writable; \
			 TMPDIR=/tmp GRADER_TIME_LIMIT=600 exec build/grader grade --topic 03 --submission solutions/03_time_complexity --no-color') \
			>"$S/readonly.log" 2>&1
		echo $? >"$S/readonly.code"
		expect "setup: the course on a read-only file system: full marks, exit 0" \
			"[ \"\$(cat \$S/readonly.code)\" = 0 ] && setup_full \"\$S/readonly.log\" &&
			 ! grep -q '^writable' \"\$S/readonly.log\"" "$S/readonly.log"
	else
		echo "# no mount namespace here: the read-only course is not tested"
	fi

	# As an unprivileged user of its own (no root anywhere), the course in
	# that user's 0700 folder. setpriv comes with util-linux.
	if command -v setpriv >/dev/null 2>&1; then
		uid=$((60000 + $$ % 1000))
		user_home="$S/user home"
		mkdir -p "$user_home"
		chmod 711 "$T" "$S"
		if setup_clone "$user_home/course"; then
			mkdir -p "$user_home/tmp"
			chown -R "$uid:$uid" "$user_home"
			chmod 700 "$user_home"
			(cd "$user_home/course" && HOME="$user_home" TMPDIR="$user_home/tmp" GRADER_CACHE=0 GRADER_TIME_LIMIT=600 \
				setpriv --reuid="$uid" --regid="$uid" --clear-groups \
				build/grader grade --topic 03 --submission solutions/03_time_complexity --no-color) \
				>"$S/user.log" 2>&1
			echo $? >"$S/user.code"
			expect "setup: as an unprivileged user (uid $uid), the course in its 0700 folder: full marks, exit 0" \
				"[ \"\$(cat \$S/user.code)\" = 0 ] && setup_full \"\$S/user.log\"" "$S/user.log"
		else
			not_ok "setup: git clone for the unprivileged user" "$S/clone.err"
		fi
		# The unprivileged user's files go with $T, which root removes.
	fi
fi
echo "# t09-setup: $(($(date +%s) - setup_start)) s"
