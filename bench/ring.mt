# ring: 10,000 threads in a ring (thread i receives from channel i and sends
# v + 1 on channel i + 1; main closes the ring), a token goes around n times:
# 10,000 * n hops, each a rendezvous plus a thread switch. Then main closes
# the first channel and the closes cascade round the ring, ending every
# thread. Prints the token's final value (10,000 * n).
# argv[1] = laps (default 300), argv[2] = threads (default 10000).
def relay(inp, out):
    for v in inp:
        out.send(v + 1)
    out.close()

def main(laps, size):
    let first = channel()
    let ch = first
    for i in range(size):
        let nxt = channel()
        spawn relay(ch, nxt)
        ch = nxt
    let last = ch
    let v = 0
    for lap in range(laps):
        first.send(v)
        v = last.recv()
    first.close()
    print(v)

let laps = 300
let size = 10000
if len(argv) > 1:
    laps = int(argv[1])
if len(argv) > 2:
    size = int(argv[2])
main(laps, size)
