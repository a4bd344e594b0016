#!/usr/bin/env bash
# CLI: `mt -e 'code' args...` runs the string; argv[0] is "-e"; errors and exit() behave as for files.
set -u
MT=$1
fail() { echo "FAIL eval: $*"; exit 1; }
out=$("$MT" -e 'print(argv)' a b 2>&1); rc=$?
[ $rc -eq 0 ] || fail "status $rc: $out"
[ "$out" = '["-e", "a", "b"]' ] || fail "argv: got <$out>"
out=$("$MT" -e 'print(argv[0], len(argv))' 2>&1)
[ "$out" = "-e 1" ] || fail "argv[0]: got <$out>"
# multi-line code with a block
out=$("$MT" -e 'for i in range(3):
    print(i * 2)' 2>&1); rc=$?
[ $rc -eq 0 ] && [ "$out" = "$(printf '0\n2\n4')" ] || fail "multi-line: status $rc, got <$out>"
# exit status and errors
"$MT" -e 'exit(7)' >/dev/null 2>&1; rc=$?
[ $rc -eq 7 ] || fail "exit(7) gave $rc"
err=$("$MT" -e 'raise ValueError("zz")' 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] || fail "uncaught error gave $rc"
case $err in *"ValueError: zz"*) ;; *) fail "traceback lacks the error: <$err>";; esac
case $err in *"-e:1"*) ;; *) fail "traceback lacks -e:1: <$err>";; esac
# compile error in -e code: exit 2 with -e:line:col
err=$("$MT" -e 'let = 3' 2>&1 >/dev/null); rc=$?
[ $rc -eq 2 ] || fail "compile error gave $rc"
echo "$err" | grep -qE -- '^-e:1:[0-9]+: ' || fail "compile error lacks -e:1:col: <$err>"
# -e without code is a usage error
"$MT" -e >/dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "-e without code gave $rc"
exit 0
