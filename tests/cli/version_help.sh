#!/usr/bin/env bash
# CLI: --version and --help print to stdout (not stderr) and exit 0.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL version_help: $*"; exit 1; }
"$MT" --version >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] || fail "--version status $rc"
[ -s "$T/out" ] || fail "--version printed nothing on stdout"
[ -s "$T/err" ] && fail "--version wrote to stderr: $(cat "$T/err")"
grep -qE '[0-9]+\.[0-9]+' "$T/out" || fail "--version shows no version number: $(cat "$T/out")"
"$MT" --help >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] || fail "--help status $rc"
[ -s "$T/err" ] && fail "--help wrote to stderr: $(cat "$T/err")"
grep -qi 'usage' "$T/out" || fail "--help has no usage line"
for opt in -e --dis --version --help; do
    grep -q -- "$opt" "$T/out" || fail "--help does not mention $opt"
done
# output goes through a pipe too (flushed)
n=$("$MT" --help | wc -l)
[ "$n" -ge 3 ] || fail "--help through a pipe gave $n lines"
exit 0
