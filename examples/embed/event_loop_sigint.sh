#!/usr/bin/env bash
# event_loop with Ctrl-C: once the script's second tick is out, SIGINT goes to the host,
# whose handler calls mt_signal while the loop sleeps in poll(). The wake-up fd ends the
# sleep, the next mt_step delivers Interrupt: the worker's finally block runs, mt_step
# says MT_EXIT and mt_free returns 130.
#   event_loop_sigint.sh EVENT_LOOP_BINARY
set -uo pipefail
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$1" >"$out" 2>&1 &
pid=$!
for _ in $(seq 1 500); do
    grep -q "mt: tick 2" "$out" && break
    sleep 0.01
done
kill -INT $pid
wait $pid
status=$?
expected="mt: hello from a child
mt: tick 1
host: timer 1, sending job 1
mt: worker got job 1
mt: tick 2
mt: worker done
host: loop ended with MT_EXIT"
fail=0
[ $status -eq 130 ] || { echo "exit status $status (expected 130)"; fail=1; }
diff -u <(echo "$expected") "$out" || fail=1
exit $fail
