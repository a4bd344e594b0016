# Loopback echo throughput: a server thread per connection, and C client threads that
# each send N lines of 64 bytes and wait for each echo. argv: N (messages per
# connection), C (connections, default 100). Prints the bytes echoed.
import net

def handle(conn):
    try:
        for line in conn:
            conn.write(line)
    finally:
        conn.close()

def serve(server, n):
    for i in range(n):
        spawn handle(server.accept())

def client(port, n, msg):
    let c = net.connect("127.0.0.1", port)
    let got = 0
    for i in range(n):
        c.write(msg)
        got += len(c.readline())
    c.close()
    return got

def main(n, conns):
    let server = net.listen("127.0.0.1", 0)
    spawn serve(server, conns)
    let msg = "x" * 63 + "\n"
    let threads = []
    for i in range(conns):
        threads.append(spawn client(server.port, n, msg))
    let total = 0
    for t in threads:
        total += t.join()
    server.close()
    print(total)

main(int(argv[1]) if len(argv) > 1 else 2000, int(argv[2]) if len(argv) > 2 else 100)
