#!/usr/bin/env bash
# CLI: examples/parallel_jobs.mt drives child processes in threads: at most 2 at once,
# output captured per job, a job past its timeout killed by its watchdog (the run takes
# well under the 5 s that job would take), results in command order, status 1 because
# jobs failed; and status 0 when none does.
set -u
MT=$1
HERE=$(cd "$(dirname "$0")" && pwd)
JOBS=$HERE/../../examples/parallel_jobs.mt
fail() { echo "FAIL parallel_jobs: $*"; exit 1; }

start=$(date +%s%N)
out=$(timeout 10 "$MT" "$JOBS" -j 2 -t 0.5 "sleep 0.2; echo one; echo two" "echo oops >&2; exit 3" \
    "exec sleep 5" "printf 'a\nb\n'" 2>&1)
rc=$?
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
want='[1] sleep 0.2; echo one; echo two: exit 0
    one
    two
[2] echo oops >&2; exit 3: exit 3
    (stderr) oops
[3] exec sleep 5: killed after 0.5 s
[4] printf '"'"'a\nb\n'"'"': exit 0
    a
    b
4 jobs, 2 failed'
[ $rc -eq 1 ] || fail "status $rc, expected 1; output: $out"
[ "$out" = "$want" ] || fail "output <$out>"
[ $elapsed_ms -lt 4000 ] || fail "took $elapsed_ms ms: the timed-out job was not killed"

out=$(timeout 10 "$MT" "$JOBS" -j 3 "echo a" "echo b" "echo c" "echo d" 2>&1)
rc=$?
[ $rc -eq 0 ] || fail "status $rc, expected 0; output: $out"
[ "$out" = '[1] echo a: exit 0
    a
[2] echo b: exit 0
    b
[3] echo c: exit 0
    c
[4] echo d: exit 0
    d
4 jobs, 0 failed' ] || fail "output <$out>"
exit 0
