#!/usr/bin/env bash
# CLI: examples/echo_server.mt under load. 200 clients at once on loopback (every echo
# checked), then 20 idle connections; SIGTERM stops the server with status 143 and every
# connection's finally ran (220 accepted, 220 closed), and the idle clients see the end.
# Then a client's "shutdown" line stops it through a channel, status 0.
set -u
MT=$1
HERE=$(cd "$(dirname "$0")" && pwd)
SERVER=$HERE/../../examples/echo_server.mt
T=$(mktemp -d); trap 'kill -KILL $spid 2>/dev/null; rm -rf "$T"' EXIT
fail() { echo "FAIL echo_server: $*"; echo "--- server stdout"; cat "$T/server.out"; echo "--- server stderr"; cat "$T/server.err"; exit 1; }
spid=

# start_server: runs the example on port 0 and sets $spid and $port once it listens.
start_server() {
    # The last server's output goes first: until the new server's shell has truncated the
    # file, the wait below would find the old "listening" line.
    rm -f "$T/server.out" "$T/server.err"
    (cd "$T" && exec "$MT" "$SERVER" 0) >"$T/server.out" 2>"$T/server.err" </dev/null &
    spid=$!
    local i=0
    # The whole line, newline included: the test may look while it is being written.
    until grep -q '^listening on .*:[0-9][0-9]*$' "$T/server.out" 2>/dev/null &&
        [ -z "$(tail -c1 "$T/server.out")" ]; do
        sleep 0.02; i=$((i + 1))
        [ $i -ge 250 ] && fail "the server never listened"
        kill -0 $spid 2>/dev/null || fail "the server exited at start"
    done
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$T/server.out")
    [ -n "$port" ] || fail "no port in: $(cat "$T/server.out")"
}

# wait_server STATUS: the server must end within 10 s with STATUS.
wait_server() {
    local i=0
    while kill -0 $spid 2>/dev/null; do
        sleep 0.02; i=$((i + 1))
        [ $i -ge 500 ] && fail "the server still runs 10 s later"
    done
    wait $spid; local rc=$?
    [ $rc -eq "$1" ] || fail "server status $rc, expected $1"
}

cat >"$T/clients.mt" <<'MT'
import net
let port = int(argv[1])
let nclients = 200
let nlines = 20
let ready = channel()
let go = channel()
let wrong = []
def client(i):
    let c = net.connect("127.0.0.1", port)
    try:
        ready.send(1)
        go.recv()
        for k in range(nlines):
            let msg = f"client {i} line {k} " + "é" * (k % 7) + "\n"
            c.write(msg)
            let back = c.readline()
            if back != msg:
                wrong.append([i, k, back])
    finally:
        c.close()
let threads = []
for i in range(nclients):
    threads.append(spawn client(i))
for i in range(nclients):
    ready.recv()
for i in range(nclients):
    go.send(1)
for t in threads:
    t.join()
print(f"{nclients} clients at once, {nclients * nlines} echoes checked, {len(wrong)} wrong")
let idle = []
for i in range(20):
    idle.append(net.connect("127.0.0.1", port))
for c in idle:
    c.write("still here\n")
    c.readline()
open("ready", "w").close()
let ended = 0
for c in idle:
    if c.readline() == "":
        ended += 1
print(f"idle connections ended by the server: {ended}")
MT

start_server
(cd "$T" && exec "$MT" clients.mt "$port") >"$T/clients.out" 2>"$T/clients.err" </dev/null &
cpid=$!
i=0
until [ -e "$T/ready" ]; do
    sleep 0.02; i=$((i + 1))
    if [ $i -ge 1000 ]; then kill -KILL $cpid; fail "clients never got ready: $(cat "$T/clients.err")"; fi
    kill -0 $cpid 2>/dev/null || fail "clients ended early: $(cat "$T/clients.out" "$T/clients.err")"
done
kill -TERM $spid
wait_server 143
wait $cpid || fail "clients failed: $(cat "$T/clients.err")"
want="200 clients at once, 4000 echoes checked, 0 wrong
idle connections ended by the server: 20"
[ "$(cat "$T/clients.out")" = "$want" ] || fail "clients printed <$(cat "$T/clients.out")>, stderr <$(cat "$T/clients.err")>"
[ "$(sed -n 2p "$T/server.out")" = "served 220 connections, 220 closed" ] || fail "server summary after SIGTERM"

# Stopping through the channel: a client sends "shutdown".
rm -f "$T/ready"
start_server
cat >"$T/stopper.mt" <<'MT'
import net
let other = net.connect("127.0.0.1", int(argv[1]))
other.write("hi\n")
print(repr(other.readline()))
let c = net.connect("127.0.0.1", int(argv[1]))
c.write("shutdown\n")
print(repr(c.readline()), repr(c.readline()))
print("other connection ended:", repr(other.readline()))
MT
out=$(cd "$T" && "$MT" stopper.mt "$port" 2>&1) || fail "stopper failed: $out"
[ "$out" = '"hi\n"
"bye\n" ""
other connection ended: ""' ] || fail "stopper printed <$out>"
wait_server 0
want="listening on 127.0.0.1:$port
shutdown requested by client 2
served 2 connections, 2 closed"
[ "$(cat "$T/server.out")" = "$want" ] || fail "server output after shutdown"
[ ! -s "$T/server.err" ] || fail "server wrote to stderr"
exit 0
