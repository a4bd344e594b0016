#!/usr/bin/env bash
# CLI: a thread preempted by a signal at a call's safe point runs that call when it resumes.
# Many SIGINTs hit a thread that does little but call functions; main catches each
# Interrupt and lets the thread go on. Every call must have run exactly once: the thread
# counts calls two ways and they must agree (before the fix a preempted call was skipped,
# leaving its callee and arguments on the stack).
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL preempt_resumes_call: $*"; exit 1; }

cat >"$T/p.mt" <<'MT'
let stop = false
let interrupts = 0
def add(a, b):
    return a + b
def inc(x):
    return add(x, 1)
def worker():
    let calls = 0
    let total = 0
    while not stop:
        total = inc(total)
        total = inc(total)
        calls += 2
    print("consistent:", total == calls)
open("ready", "w").close()
let t = spawn worker()
while interrupts < 8:
    try:
        sleep(5)
    except Interrupt:
        interrupts += 1
stop = true
t.join()
print("interrupts:", interrupts)
MT
(cd "$T" && exec "$MT" p.mt) >"$T/out" 2>"$T/err" </dev/null &
pid=$!
i=0
while [ ! -e "$T/ready" ]; do
    sleep 0.02; i=$((i + 1))
    [ $i -ge 250 ] && { kill -KILL $pid; fail "never became ready"; }
done
for k in 1 2 3 4 5 6 7 8; do
    sleep 0.15
    kill -INT $pid 2>/dev/null || fail "ended early: $(cat "$T/err")"
done
i=0
while kill -0 $pid 2>/dev/null; do
    sleep 0.05; i=$((i + 1))
    [ $i -ge 100 ] && { kill -KILL $pid; fail "still running 5 s after the last signal"; }
done
wait $pid; rc=$?
[ $rc -eq 0 ] || fail "status $rc; stderr: $(cat "$T/err")"
want=$'consistent: true\ninterrupts: 8'
[ "$(cat "$T/out")" = "$want" ] || fail "stdout <$(cat "$T/out")>"
exit 0
