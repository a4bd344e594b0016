#!/usr/bin/env bash
# CLI: a directory given as the script is exit status 2 with a one-line error (no crash, no hang).
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL directory_script: $*"; exit 1; }
mkdir "$T/dir.mt"
timeout 5 "$MT" "$T/dir.mt" >"$T/out" 2>"$T/err" </dev/null; rc=$?
[ $rc -eq 2 ] || fail "status $rc, expected 2"
[ -s "$T/out" ] && fail "stdout not empty"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "stderr is not one line: $(cat "$T/err")"
grep -q 'dir.mt' "$T/err" || fail "error does not name the path: $(cat "$T/err")"
exit 0
