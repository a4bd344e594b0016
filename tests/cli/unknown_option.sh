#!/usr/bin/env bash
# CLI: an unknown option is a usage error: exit status 2, message on stderr, nothing on stdout.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL unknown_option: $*"; exit 1; }
for opt in --bogus -Z --versionx; do
    timeout 5 "$MT" "$opt" >"$T/out" 2>"$T/err" </dev/null; rc=$?
    [ $rc -eq 2 ] || fail "$opt gave status $rc"
    [ -s "$T/out" ] && fail "$opt wrote to stdout: $(cat "$T/out")"
    grep -qF -- "$opt" "$T/err" || fail "$opt: error does not name the option: $(cat "$T/err")"
done
# --dis without a file is a usage error too
timeout 5 "$MT" --dis >/dev/null 2>&1 </dev/null; rc=$?
[ $rc -eq 2 ] || fail "--dis without a file gave $rc"
exit 0
