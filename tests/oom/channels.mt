# Channels: rendezvous and buffered, a pipeline of threads, for-in until closed.
def produce(out, n):
    for i in range(n):
        out.send(i)
    out.close()

def square(inp, out):
    for v in inp:
        out.send(v * v)
    out.close()

let a = channel()
let b = channel(3)
spawn produce(a, 12)
spawn square(a, b)
let got = []
for v in b:
    got.append(v)
print(got)

let c = channel(2)
c.send("x")
c.send("y")
print(c.recv(), c.recv())
c.close()
try:
    c.recv()
except ChannelClosed as e:
    print("closed:", e.message)
