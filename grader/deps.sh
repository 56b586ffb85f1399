#!/bin/sh
# deps.sh - make sure the Debian packages the grader needs are installed:
# installs them with apt-get when run as root, otherwise prints the command.
#   sh grader/deps.sh        what grading needs (make grade)
#   sh grader/deps.sh test   and what the project's own tests need (make test)
set -u

missing=""
need() { # need PACKAGE TEST-COMMAND...
	pkg=$1; shift
	"$@" >/dev/null 2>&1 || missing="$missing $pkg"
}
has_header() { [ -f "/usr/include/$1" ]; }

need gcc         command -v gcc
need make        command -v make
need libcriterion-dev has_header criterion/criterion.h
need libyaml-dev has_header yaml.h
need valgrind    command -v valgrind
need bubblewrap  command -v bwrap
# The runners install a seccomp filter (grader/harness/lockdown.c).
need libseccomp-dev has_header seccomp.h
if [ "${1:-}" = test ]; then
	# The end-to-end tests read reports with real parsers, and look at the
	# class page in a real browser: none of them may pass for want of one.
	need python3        command -v python3
	need libxml2-utils  command -v xmllint
	need perl           perl -MTAP::Parser -e 1
	need chromium       command -v chromium
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "grader: installing missing packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	# Another apt may hold the lock for a while (a fresh machine's updates).
	lock="-o DPkg::Lock::Timeout=600"
	if ! apt-get install $lock -y -q --no-install-recommends $missing >/dev/null 2>&1; then
		apt-get update $lock -q >/dev/null 2>&1
		apt-get install $lock -y -q --no-install-recommends $missing >&2 || {
			echo "grader: could not install:$missing" >&2
			exit 1
		}
	fi
	exit 0
fi

echo "grader: missing packages:$missing" >&2
echo "grader: install them with:" >&2
echo "    sudo apt-get install -y$missing" >&2
exit 1
