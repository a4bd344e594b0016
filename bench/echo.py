# Loopback echo throughput with asyncio streams: a server task per connection, and C
# client tasks that each send N lines of 64 bytes and wait for each echo. argv: N
# (messages per connection), C (connections, default 100). Prints the bytes echoed.
import asyncio
import sys


async def handle(reader, writer):
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            writer.write(line)
            await writer.drain()
    finally:
        writer.close()


async def client(port, n, msg):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    got = 0
    for _ in range(n):
        writer.write(msg)
        await writer.drain()
        got += len(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return got


async def main(n, conns):
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=conns)
    port = server.sockets[0].getsockname()[1]
    msg = b"x" * 63 + b"\n"
    results = await asyncio.gather(*(client(port, n, msg) for _ in range(conns)))
    server.close()
    print(sum(results))


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000,
                 int(sys.argv[2]) if len(sys.argv) > 2 else 100))
