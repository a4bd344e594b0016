# switch_chan: two threads ping-pong a value over two unbuffered channels,
# n round trips. Each round trip is two rendezvous and two thread switches.
# Prints the final value (n).
def ponger(ping, pong, n):
    for i in range(n):
        let v = ping.recv()
        pong.send(v + 1)

def main(n):
    let ping = channel()
    let pong = channel()
    let t = spawn ponger(ping, pong, n)
    let v = 0
    for i in range(n):
        ping.send(v)
        v = pong.recv()
    t.join()
    print(v)

let n = 1000000
if len(argv) > 1:
    n = int(argv[1])
main(n)
