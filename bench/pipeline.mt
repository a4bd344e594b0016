# pipeline: a source thread, 10 stage threads and the main thread as the sink,
# connected by unbuffered channels. Each stage is a plain loop that receives
# from its input, sends v + 1 on its output, and closes its output when its
# input is closed. n items flow through. Prints the sum the sink receives:
# n*(n-1)/2 + 10*n.
def source(out, n):
    for i in range(n):
        out.send(i)
    out.close()

def stage(inp, out):
    for v in inp:
        out.send(v + 1)
    out.close()

def main(n, stages):
    let first = channel()
    let ch = first
    for s in range(stages):
        let nxt = channel()
        spawn stage(ch, nxt)
        ch = nxt
    spawn source(first, n)
    let total = 0
    for v in ch:
        total += v
    print(total)

let n = 1000000
if len(argv) > 1:
    n = int(argv[1])
main(n, 10)
