#!/bin/sh
# deps.sh - make sure the Debian packages the grader needs are installed:
# installs them with apt-get when run as root, otherwise prints the command.
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

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "grader: installing missing packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-get install -y -q $missing >/dev/null 2>&1; then
		apt-get update -q >/dev/null 2>&1
		apt-get install -y -q $missing >&2 || {
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
