#!/usr/bin/env bash
# CLI: a missing script file is a one-line error on stderr and exit status 2; nothing on stdout.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL missing_file: $*"; exit 1; }
"$MT" "$T/no_such_script.mt" a b >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "status $rc, expected 2"
[ -s "$T/out" ] && fail "stdout not empty: $(cat "$T/out")"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "stderr is not one line: $(cat "$T/err")"
grep -q 'no_such_script.mt' "$T/err" || fail "error does not name the file: $(cat "$T/err")"
exit 0
