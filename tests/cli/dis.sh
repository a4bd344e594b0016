#!/usr/bin/env bash
# CLI: --dis FILE prints the bytecode and exits 0 without running the program.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL dis: $*"; exit 1; }
cat >"$T/p.mt" <<'MT'
def f(a):
    return a + 1
let ch = channel()
print("RAN", f(2))
open("side_effect.txt", "w").write("x")
exit(5)
MT
(cd "$T" && "$MT" --dis p.mt) >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 0 ] || fail "status $rc, stderr: $(cat "$T/err")"
[ -s "$T/out" ] || fail "no bytecode printed on stdout"
[ "$(wc -l <"$T/out")" -ge 5 ] || fail "bytecode listing is too short: $(cat "$T/out")"
grep -qx 'RAN 3' "$T/out" && fail "the program was run"
[ -e "$T/side_effect.txt" ] && fail "the program was run (file written)"
# the function f is disassembled too
grep -q 'f' "$T/out" || fail "function f not in listing"
# a missing file is exit 2; a compile error is exit 2
"$MT" --dis "$T/none.mt" >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--dis on a missing file gave $rc"
printf 'let = 1\n' >"$T/bad.mt"
"$MT" --dis "$T/bad.mt" >/dev/null 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "--dis on a compile error gave $rc"
grep -q 'bad.mt:1:' "$T/err" || fail "--dis compile error lacks file:line: $(cat "$T/err")"
exit 0
