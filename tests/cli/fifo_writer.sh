#!/usr/bin/env bash
# CLI: a write to a FIFO whose reader is slow suspends only the writing thread: the pipe
# fills, the writer waits while another thread keeps ticking, and every byte arrives.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL fifo_writer: $*"; exit 1; }
mkfifo "$T/fifo"
cat >"$T/p.mt" <<'MT'
let state = {"done": false}
def writer():
    let chunk = "x" * 1023 + "\n"
    with open(argv[1], "w") as f:
        for i in range(1024):
            f.write(chunk)
    state["done"] = true
spawn writer()
let ticks = 0
while not state["done"]:
    sleep(0.02)
    ticks += 1
print("ticked while writing:", ticks >= 10)
MT
# The reader opens the FIFO at once (so opening it for writing does not wait) but starts
# reading only after 0.5 s: the 64 KiB pipe fills long before the 1 MiB is written.
( sleep 0.5; cat ) <"$T/fifo" >"$T/received" &
reader=$!
out=$(timeout 10 "$MT" "$T/p.mt" "$T/fifo" 2>&1); rc=$?
wait $reader
[ $rc -eq 0 ] || fail "status $rc: $out"
[ "$out" = "ticked while writing: true" ] || fail "output <$out>"
[ "$(wc -c <"$T/received")" -eq 1048576 ] || fail "received $(wc -c <"$T/received") bytes"
exit 0
