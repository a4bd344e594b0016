#!/usr/bin/env bash
# CLI: a second signal during shutdown ends the process at once, after flushing output.
# The first SIGINT starts cleanup that never finishes (a finally that sleeps or spins);
# the second one must end the process promptly, with the output so far flushed.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL second_signal: $*"; exit 1; }

wait_file() {  # wait_file PID FILE
    local i=0
    while [ ! -e "$2" ]; do
        sleep 0.02; i=$((i + 1))
        kill -0 "$1" 2>/dev/null || fail "process ended before $2 appeared"
        [ $i -ge 250 ] && { kill -KILL "$1"; fail "$2 never appeared"; }
    done
}
wait_end() {  # wait_end PID SECONDS -> sets rc
    local i=0 n=$(( $2 * 50 ))
    while kill -0 "$1" 2>/dev/null; do
        sleep 0.02; i=$((i + 1))
        [ $i -ge $n ] && { kill -KILL "$1"; wait "$1" 2>/dev/null; return 1; }
    done
    wait "$1"; rc=$?
    return 0
}

for kind in sleep spin; do
    if [ $kind = sleep ]; then body='sleep(60)'; else body='while true:
            n += 1'; fi
    cat >"$T/p.mt" <<MT
let n = 0
try:
    open("ready", "w").close()
    sleep(60)
finally:
    print("cleanup started")
    open("cleanup", "w").close()
    if true:
        $body
    print("not reached")
MT
    rm -f "$T/ready" "$T/cleanup"
    (cd "$T" && exec "$MT" p.mt) >"$T/out" 2>"$T/err" </dev/null &
    pid=$!
    wait_file $pid "$T/ready"
    sleep 0.05
    kill -INT $pid
    wait_file $pid "$T/cleanup"
    sleep 0.2
    kill -0 $pid 2>/dev/null || fail "$kind: the first signal did not leave the cleanup running"
    kill -INT $pid
    rc=0
    wait_end $pid 2 || fail "$kind: still running 2 s after the second SIGINT"
    [ $rc -eq 130 ] || fail "$kind: status $rc, expected 130"
    [ "$(cat "$T/out")" = "cleanup started" ] || fail "$kind: output not flushed: <$(cat "$T/out")>"
done
exit 0
