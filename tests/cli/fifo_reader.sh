#!/usr/bin/env bash
# CLI: reading a FIFO opened with open() suspends only the reading thread: a second thread
# keeps ticking until the writer (another process) sends its lines and closes the FIFO.
set -u
MT=$1
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL fifo_reader: $*"; exit 1; }
mkfifo "$T/fifo"
cat >"$T/p.mt" <<'MT'
let state = {"lines": nil}
def reader():
    let lines = []
    with open(argv[1]) as f:
        for line in f:
            lines.append(line.rstrip("\n"))
    state["lines"] = lines
spawn reader()
let ticks = 0
while state["lines"] == nil:
    sleep(0.02)
    ticks += 1
print(state["lines"], ticks >= 10)
MT
(sleep 0.4; printf 'first\nsecond\n') >"$T/fifo" &
out=$(timeout 10 "$MT" "$T/p.mt" "$T/fifo" 2>&1); rc=$?
wait
[ $rc -eq 0 ] || fail "status $rc: $out"
[ "$out" = '["first", "second"] true' ] || fail "output <$out>"
exit 0
