#!/usr/bin/env bash
# CLI: SIGINT / SIGTERM delivered to a running script (spinning, sleeping, blocked on a channel,
# spinning in a spawned thread) => the cleanup output appears and the status is 130 / 143.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL signals: $*"; exit 1; }

# run_case NAME SIG EXPECTED_STATUS EXPECTED_STDOUT  (script in $T/NAME.mt; it creates "ready" when set)
run_case() {
    local name=$1 sig=$2 want=$3 wantout=$4
    rm -f "$T/ready"
    (cd "$T" && exec "$MT" "$name.mt") >"$T/$name.out" 2>"$T/$name.err" </dev/null &
    local pid=$! i=0
    while [ ! -e "$T/ready" ]; do
        sleep 0.02; i=$((i + 1))
        if [ $i -ge 250 ]; then kill -KILL $pid 2>/dev/null; fail "$name: never became ready"; fi
        kill -0 $pid 2>/dev/null || fail "$name: exited before the signal: $(cat "$T/$name.err")"
    done
    sleep 0.1
    kill -s "$sig" $pid
    # wait at most 5 s for it to end
    i=0
    while kill -0 $pid 2>/dev/null; do
        sleep 0.02; i=$((i + 1))
        if [ $i -ge 150 ]; then kill -KILL $pid 2>/dev/null; wait $pid 2>/dev/null; fail "$name: still running 3 s after SIG$sig"; fi
    done
    wait $pid; local rc=$?
    [ $rc -eq "$want" ] || fail "$name: status $rc after SIG$sig, expected $want; stderr: $(cat "$T/$name.err")"
    [ "$(cat "$T/$name.out")" = "$wantout" ] || fail "$name: stdout <$(cat "$T/$name.out")> expected <$wantout>"
}

READY='open("ready", "w").close()'

cat >"$T/spin.mt" <<MT
try:
    $READY
    let n = 0
    while true:
        n += 1
finally:
    print("spin cleanup")
MT
cat >"$T/sleeping.mt" <<MT
try:
    $READY
    sleep(30)
finally:
    print("sleep cleanup")
MT
cat >"$T/blocked.mt" <<MT
let ch = channel()
def feeder():
    try:
        sleep(30)
        ch.send(1)
    finally:
        print("feeder cleanup")
spawn feeder()
try:
    $READY
    ch.recv()
finally:
    print("main cleanup")
MT
cat >"$T/thread_spin.mt" <<MT
def spinner():
    try:
        $READY
        let n = 0
        while true:
            n += 1
    finally:
        print("spinner cleanup")
spawn spinner()
try:
    sleep(0.001)
finally:
    print("main cleanup")
MT

for sig in INT TERM; do
    if [ $sig = INT ]; then st=130; else st=143; fi
    run_case spin $sig $st "spin cleanup"
    run_case sleeping $sig $st "sleep cleanup"
    run_case blocked $sig $st "$(printf 'main cleanup\nfeeder cleanup')"
done
# a signal must be noticed even while a spawned thread spins without suspending
run_case thread_spin INT 130 "$(printf 'main cleanup\nspinner cleanup')"
run_case thread_spin TERM 143 "$(printf 'main cleanup\nspinner cleanup')"
exit 0
