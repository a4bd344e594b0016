#!/usr/bin/env bash
# CLI: printing to a closed pipe ends the program (IOError) without hanging; mt is never killed by SIGPIPE.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL sigpipe: $*"; exit 1; }
cd "$T" || exit 1
timeout 3 "$MT" -e 'while true: print(1)' 2>err | head -1 >out
rc=${PIPESTATUS[0]}
[ $rc -eq 124 ] && fail "hung (timed out after 3 s) writing to a closed pipe"
[ $rc -eq 141 ] && fail "killed by SIGPIPE (status 141)"
[ $rc -ge 128 ] && fail "killed by a signal (status $rc)"
[ "$(cat out)" = "1" ] || fail "head got <$(cat out)>"
[ $rc -eq 1 ] || fail "status $rc, expected 1 (uncaught IOError)"
grep -q 'IOError' err || fail "no IOError on stderr: $(head -c 300 err)"
# the IOError is catchable: the handler runs
timeout 3 "$MT" -e 'try:
    while true:
        print("x")
except IOError as e:
    open("caught", "w").write("caught IOError")
    exit(9)' 2>err | head -1 >out
rc=${PIPESTATUS[0]}
[ $rc -eq 9 ] || fail "catching IOError: status $rc, expected 9: $(head -c 300 err)"
[ "$(cat caught 2>/dev/null)" = "caught IOError" ] || fail "IOError handler did not run"
# a spawned thread writing to the closed pipe while main sleeps: the program still ends
timeout 3 "$MT" -e 'def w():
    while true:
        print("y")
spawn w()
sleep(1)' 2>err | head -1 >out
rc=${PIPESTATUS[0]}
[ $rc -eq 124 ] && fail "thread writer: hung"
[ $rc -ge 128 ] && fail "thread writer: killed by a signal (status $rc)"
[ $rc -eq 1 ] || fail "thread writer: status $rc, expected 1 (IOError reported in the thread): $(head -c 300 err)"
exit 0
