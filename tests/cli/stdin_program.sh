#!/usr/bin/env bash
# CLI: `mt` with no FILE and a non-terminal stdin runs stdin as a program named <stdin>
# with an empty argv (SPEC 13.3, until the REPL lands); statuses are those of a script.
set -u
MT=$1
fail() { echo "FAIL stdin_program: $*"; exit 1; }
out=$(printf 'print(len(argv), 1 + 1)\nfor i in range(2):\n    print(i)\n' | "$MT" 2>&1); rc=$?
[ $rc -eq 0 ] || fail "status $rc: $out"
[ "$out" = "$(printf '0 2\n0\n1')" ] || fail "output: got <$out>"
err=$(printf 'let x = \n' | "$MT" 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] || fail "compile error gave $rc"
case $err in "<stdin>:1:9: expected an expression, found end of line"*) ;; *) fail "compile error: <$err>";; esac
printf 'exit(3)\n' | "$MT" >/dev/null 2>&1; rc=$?
[ $rc -eq 3 ] || fail "exit(3) gave $rc"
err=$(printf 'raise ValueError("v")\n' | "$MT" 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] || fail "uncaught error gave $rc"
case $err in *"<stdin>:1, in <module>"*"ValueError: v"*) ;; *) fail "traceback: <$err>";; esac
exit 0
