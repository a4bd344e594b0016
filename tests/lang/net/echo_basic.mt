# A server and a client in one program: accept, connect, readline, for line in conn,
# read(n), write, with, peer/local, server.port; the handler's finally runs.
#> server 127.0.0.1 true true
#> "HÉLLO\n"
#> b"AB" b"C\n"
#> handler done after 3 lines
#> "bye"
#> ""
#> b"" b""
#> peers match: true true
#> closed: true true connection
import net
let server = net.listen("127.0.0.1", 0)
print(type(server), server.local.split(":")[0], server.port > 0, server.local.endswith(":" + str(server.port)))
let seen = channel(1)
def handle(conn):
    let n = 0
    try:
        for line in conn:
            n += 1
            if line == "quit\n":
                conn.write("bye")
                break
            conn.write(line.upper())
    finally:
        conn.close()
        print("handler done after", n, "lines")
        seen.send([conn.peer, conn.local])
def serve():
    with server as s:
        spawn handle(s.accept())
spawn serve()
let c = net.connect("127.0.0.1", server.port)
c.write("héllo\n")
print(repr(c.readline()))
c.write("abc\n")
print(repr(c.read(2)), repr(c.read(10)))
c.write("quit\n")
print(repr(c.readline()))
print(repr(c.readline()))
print(repr(c.read(5)), repr(c.read()))
let ends = seen.recv()
print("peers match:", ends[0] == c.local, ends[1] == c.peer)
c.close()
c.close()
print("closed:", c.closed, server.closed, type(c))
