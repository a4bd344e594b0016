#!/usr/bin/env bash
# CLI: a source file that is not valid UTF-8 is a compile error: exit 2, `file:line:col: message`, no crash.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL non_utf8_source: $*"; exit 1; }
# invalid byte inside a string literal: line 2, column 12 (`let s = "ab` is 11 code points)
printf 'print("ok")\nlet s = "ab\xffcd"\n' >"$T/bad.mt"
(cd "$T" && "$MT" bad.mt) >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "status $rc, expected 2"
[ -s "$T/out" ] && fail "the program ran: $(cat "$T/out")"
head -1 "$T/err" | grep -qE '^bad\.mt:2:[0-9]+: ' || fail "no bad.mt:2:col: message: $(cat "$T/err")"
col=$(head -1 "$T/err" | sed -E 's/^bad\.mt:2:([0-9]+):.*/\1/')
[ "$col" -eq 12 ] || fail "column $col, expected 12 (the code point after 'let s = \"ab')"
# invalid bytes in a comment, a truncated sequence at end of file, an overlong encoding
printf '# caf\xc3\n' >"$T/c1.mt"
printf 'print(1)\n\xc0\xaf\n' >"$T/c2.mt"
printf 'let x = 1 # \xe2\x82' >"$T/c3.mt"
for f in c1 c2 c3; do
    "$MT" "$T/$f.mt" >"$T/out" 2>"$T/err"; rc=$?
    [ $rc -eq 2 ] || fail "$f: status $rc, expected 2"
    grep -qE "$f\\.mt:[0-9]+:[0-9]+: " "$T/err" || fail "$f: no position: $(cat "$T/err")"
done
# a UTF-8 BOM-free valid non-ASCII source is fine
printf 'print("héllo ✓")\n' >"$T/ok.mt"
out=$("$MT" "$T/ok.mt" 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$out" = "héllo ✓" ] || fail "valid UTF-8 source: status $rc, <$out>"
exit 0
