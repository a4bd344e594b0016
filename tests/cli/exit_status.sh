#!/usr/bin/env bash
# CLI: exit(n) gives status n, from main or from a spawned thread; normal end is 0.
set -u
MT=$1
fail() { echo "FAIL exit_status: $*"; exit 1; }
for n in 0 1 3 42 200 255; do
    "$MT" -e "exit($n)" >/dev/null 2>&1; rc=$?
    [ $rc -eq $n ] || fail "exit($n) gave $rc"
done
"$MT" -e 'print("x")' >/dev/null 2>&1; rc=$?
[ $rc -eq 0 ] || fail "normal end gave $rc"
"$MT" -e 'exit()' >/dev/null 2>&1; rc=$?
[ $rc -eq 0 ] || fail "exit() gave $rc"
out=$("$MT" -e 'def w():
    sleep(0.01)
    exit(17)
spawn w()
try:
    sleep(5)
finally:
    print("main cleanup")' 2>/dev/null); rc=$?
[ $rc -eq 17 ] || fail "exit(17) from a thread gave $rc"
[ "$out" = "main cleanup" ] || fail "main cleanup missing: <$out>"
exit 0
