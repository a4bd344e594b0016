#!/usr/bin/env bash
# CLI: output is flushed before the process ends even when stdout is a pipe:
# on normal end, exit(n), an uncaught error in main, exit from a thread, cleanup output, and a signal.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL flush_pipe: $*"; exit 1; }

check() {  # check NAME WANT_STATUS WANT_LINES CODE
    local name=$1 want=$2 lines=$3
    printf '%s\n' "$4" >"$T/$name.mt"
    timeout 10 "$MT" "$T/$name.mt" 2>"$T/err" </dev/null | cat >"$T/out"
    local rc=${PIPESTATUS[0]}
    [ "$rc" -eq "$want" ] || fail "$name: status $rc, expected $want: $(head -c 500 "$T/err")"
    local n; n=$(wc -l <"$T/out")
    [ "$n" -eq "$lines" ] || fail "$name: $n lines through the pipe, expected $lines"
    [ "$(tail -1 "$T/out")" = "last" ] || fail "$name: last line is <$(tail -1 "$T/out")>"
}
check normal 0 20001 'for i in range(20000):
    print("line", i)
print("last")'
check exit_n 6 20001 'for i in range(20000):
    print("line", i)
print("last")
exit(6)'
check error_main 1 3 'print("a")
print("b")
print("last")
raise ValueError("x")'
check thread_exit 4 2 'def w():
    print("from thread")
    print("last")
    exit(4)
spawn w()
sleep(5)'
check cleanup_on_exit 3 3 'def w():
    try:
        channel().recv()
    finally:
        print("thread cleanup")
        print("last")
spawn w()
sleep(0)
print("main")
exit(3)'

# a signal: output printed before SIGTERM and the cleanup output both arrive through the pipe
cat >"$T/sig.mt" <<'MT'
for i in range(1000):
    print("line", i)
try:
    open("ready", "w").close()
    sleep(30)
finally:
    print("last")
MT
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/out" &
catpid=$!
(cd "$T" && exec "$MT" sig.mt) >"$T/fifo" 2>/dev/null </dev/null &
pid=$!
i=0
while [ ! -e "$T/ready" ]; do
    sleep 0.02; i=$((i + 1))
    [ $i -ge 250 ] && { kill -KILL $pid; fail "sig: never ready"; }
done
sleep 0.1
kill -TERM $pid
i=0
while kill -0 $pid 2>/dev/null; do
    sleep 0.02; i=$((i + 1))
    [ $i -ge 250 ] && { kill -KILL $pid; fail "sig: still running 5 s after SIGTERM"; }
done
wait $pid; rc=$?
wait $catpid
[ $rc -eq 143 ] || fail "sig: status $rc, expected 143"
[ "$(wc -l <"$T/out")" -eq 1001 ] || fail "sig: $(wc -l <"$T/out") lines, expected 1001"
[ "$(tail -1 "$T/out")" = "last" ] || fail "sig: cleanup line missing"
exit 0
