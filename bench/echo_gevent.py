# Loopback echo throughput with gevent (greenlets over libev, monkey-patched sockets):
# the same work as echo.mt and echo.py. argv: N (messages per connection), C
# (connections, default 100). Prints the bytes echoed.
import sys

import gevent
from gevent import socket
from gevent.server import StreamServer


def handle(sock, _addr):
    f = sock.makefile("rb")
    try:
        for line in f:
            sock.sendall(line)
    finally:
        f.close()
        sock.close()


def client(port, n, msg):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    f = s.makefile("rb")
    got = 0
    for _ in range(n):
        s.sendall(msg)
        got += len(f.readline())
    f.close()
    s.close()
    return got


def main(n, conns):
    server = StreamServer(("127.0.0.1", 0), handle, backlog=conns)
    server.start()
    port = server.address[1]
    msg = b"x" * 63 + b"\n"
    jobs = [gevent.spawn(client, port, n, msg) for _ in range(conns)]
    gevent.joinall(jobs, raise_error=True)
    server.stop()
    print(sum(j.value for j in jobs))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000, int(sys.argv[2]) if len(sys.argv) > 2 else 100)
