# spawn: n threads alive and blocked at once, then all released and joined.
# Each thread waits in gate.recv(); main yields once (sleep(0)) so that every
# thread runs up to that point, then sends n values (each hands off to a
# waiting thread without switching) and joins every thread, summing results.
# Prints the sum: n + n*(n-1)/2.
def worker(gate, i):
    let v = gate.recv()
    return v + i

def main(n):
    let gate = channel()
    let threads = []
    for i in range(n):
        let t = spawn worker(gate, i)
        threads.append(t)
    sleep(0)
    for i in range(n):
        gate.send(1)
    let s = 0
    for t in threads:
        s += t.join()
    print(s)

let n = 1000000
if len(argv) > 1:
    n = int(argv[1])
main(n)
