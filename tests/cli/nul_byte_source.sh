#!/usr/bin/env bash
# CLI: a NUL byte in a program is the compile error `invalid UTF-8 in source` at its position
# (SPEC 2.1), whether the program comes from standard input, a file or an imported module.
# Regression: a program on stdin was silently cut at the NUL and the part before it ran.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL nul_byte_source: $*"; exit 1; }
# stdin: line 2, column 9 (after `print(2)`)
printf 'print(1)\nprint(2)\000print(3)\n' >"$T/prog"
(cd "$T" && "$MT" <prog) >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "stdin: status $rc, expected 2"
[ -s "$T/out" ] && fail "stdin: the program ran: $(cat "$T/out")"
[ "$(cat "$T/err")" = "<stdin>:2:9: invalid UTF-8 in source" ] || fail "stdin: <$(cat "$T/err")>"
# a NUL as the very first byte, and one inside a string literal
printf '\000print(1)\n' | "$MT" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && [ "$(cat "$T/err")" = "<stdin>:1:1: invalid UTF-8 in source" ] ||
    fail "stdin, leading NUL: status $rc, <$(cat "$T/err")>"
printf 'print("a\000b")\n' | "$MT" >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && [ "$(cat "$T/err")" = "<stdin>:1:9: invalid UTF-8 in source" ] ||
    fail "stdin, NUL in a string: status $rc, <$(cat "$T/err")>"
# a file
cp "$T/prog" "$T/nul.mt"
(cd "$T" && "$MT" nul.mt) >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "file: status $rc, expected 2"
[ -s "$T/out" ] && fail "file: the program ran: $(cat "$T/out")"
[ "$(cat "$T/err")" = "nul.mt:2:9: invalid UTF-8 in source" ] || fail "file: <$(cat "$T/err")>"
# an imported module: SyntaxError naming the module's position
printf 'let x = 1\000\n' >"$T/nulmod.mt"
printf 'print("main")\nimport nulmod\nprint("WRONG", nulmod.x)\n' >"$T/main.mt"
(cd "$T" && "$MT" main.mt) >"$T/out" 2>"$T/err"; rc=$?
[ $rc -eq 1 ] || fail "module: status $rc, expected 1"
[ "$(cat "$T/out")" = "main" ] || fail "module: output <$(cat "$T/out")>"
grep -q "SyntaxError: nulmod.mt:1:10: invalid UTF-8 in source" "$T/err" || fail "module: <$(cat "$T/err")>"
exit 0
