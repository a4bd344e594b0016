#!/usr/bin/env bash
# event_loop with Ctrl-C after the second tick: the worker's <close> cleanup runs, exit 130.
set -uo pipefail
out=$(mktemp); trap 'rm -f "$out"' EXIT
"$1" >"$out" 2>&1 &
pid=$!
for _ in $(seq 1 500); do grep -q "tick 2" "$out" && break; sleep 0.01; done
kill -INT $pid; wait $pid; echo "exit status $?"; cat "$out"
