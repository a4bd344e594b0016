# A TCP echo server with a thread per connection.
#
# Run: mt examples/echo_server.mt [PORT [HOST]]     (default: port 7000 on 127.0.0.1;
#                                                    port 0 lets the system pick one)
# Try: nc 127.0.0.1 7000      (every line comes back; the line "shutdown" stops the server)
#
# Each connection is served by a thread of its own, which waits for its client without
# holding up the others. The server stops cleanly in two ways: a client sends the line
# "shutdown" (its thread tells the main thread over a channel), or the process gets
# SIGTERM or Ctrl-C (the main thread gets SystemExit or Interrupt). Either way the main
# thread's `finally` closes the listening socket and kills the connection threads, and
# every connection's own `finally` runs: the count it prints proves it. Exit status: 0
# after "shutdown", 143 after SIGTERM, 130 after Ctrl-C.
import net

let port = int(argv[1]) if len(argv) > 1 else 7000
let host = argv[2] if len(argv) > 2 else "127.0.0.1"

let stop = channel(1)     # a client's "shutdown" request: buffered, so its sender never waits
let live = {}             # connection number -> its thread, while it runs
let served = 0            # connections accepted
let closed = 0            # connection threads whose finally ran

def serve(conn, n):
    try:
        for line in conn:
            if line.strip() == "shutdown":
                conn.write("bye\n")
                if len(stop) == 0:
                    stop.send(f"shutdown requested by client {n}")
                break
            conn.write(line)
    except ConnectionError:
        pass              # the client went away mid-line: nothing to answer
    finally:
        conn.close()
        closed += 1
        live.pop(n, nil)

def accept_loop(server):
    try:
        while true:
            let conn = server.accept()
            served += 1
            live[served] = spawn serve(conn, served)
    except IOError:
        pass              # the server was closed: no more clients

let server = net.listen(host, port)
print(f"listening on {server.local}")
stdout.flush()            # a script reading our output waits for this line
let acceptor = spawn accept_loop(server)
try:
    print(stop.recv())
finally:
    server.close()        # the acceptor's accept() raises IOError and it ends
    acceptor.join()
    for t in live.values():
        t.kill()
    for t in live.values():
        t.join()
    print(f"served {served} connections, {closed} closed")
