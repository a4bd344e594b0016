# TEST: waiting selects of every layout (two channel cases or fewer wait in the thread itself, more in a block; send values after one-slot cases) are woken by the right case, leave every other queue, and survive kills and collections of their neighbours
#> inline: case 2 got b1
#> inline: case 1 got a1
#> block: case 3 sent s3, received s3
#> block: case 2 got r2
#> block: case 0 sent s0, received s0
#> same channel twice: case 0 got 7, then plain recv got 8
#> fifo after kills: [1, 3, 5, 7, 9, 11]
#> killed cleanups: 6
#> in coroutine: case 1 got co
#> send then close: ChannelClosed send on a closed channel
let done = channel()

# [after, recv, recv]: the channel cases are cases 1 and 2 in the thread's two link words.
def inline_sel(a, b):
    select:
        case after(60):
            done.send("timeout")
        case a.recv() as v:
            done.send("case 1 got " + v)
        case b.recv() as v:
            done.send("case 2 got " + v)
let a = channel()
let b = channel()
spawn inline_sel(a, b)
sleep(0)
b.send("b1")
print("inline:", done.recv())
spawn inline_sel(a, b)
sleep(0)
a.send("a1")
print("inline:", done.recv())

# [send, after, recv, send]: three channel cases wait in a block; the send values sit
# after one-slot cases.
def block_sel(p, q, r):
    select:
        case p.send("s0"):
            done.send("case 0 sent s0")
        case after(60):
            done.send("timeout")
        case q.recv() as v:
            done.send("case 2 got " + v)
        case r.send("s3"):
            done.send("case 3 sent s3")
let p = channel()
let q = channel()
let r = channel()
spawn block_sel(p, q, r)
sleep(0)
let got = r.recv()
print("block:", done.recv() + ", received " + got)
spawn block_sel(p, q, r)
sleep(0)
q.send("r2")
print("block:", done.recv())
spawn block_sel(p, q, r)
sleep(0)
got = p.recv()
print("block:", done.recv() + ", received " + got)

# Both cases on one channel: the first queued link takes the value, the other leaves the
# queue, so the next send reaches a plain receiver.
def twice(c):
    select:
        case c.recv() as v:
            done.send("case 0 got " + str(v))
        case c.recv() as v:
            done.send("case 1 got " + str(v))
def plain(c):
    done.send(c.recv())
let c = channel()
spawn twice(c)
sleep(0)
c.send(7)
let first = done.recv()
spawn plain(c)
sleep(0)
c.send(8)
print("same channel twice:", first + ", then plain recv got", done.recv())

# Twelve selects queued on the same two channels; every other one is killed (leaving the
# middle of both queues) and a collection runs; the rest receive in order.
let killed = 0
def numbered(i, x, y, out):
    try:
        select:
            case x.recv() as v:
                out.send(i)
            case y.recv() as v:
                out.send(i)
    except ThreadExit:
        killed += 1
        raise
let x = channel()
let y = channel()
let out = channel(20)
let ts = []
for i in range(12):
    ts.append(spawn numbered(i, x, y, out))
sleep(0)
for i in range(0, 12, 2):
    ts[i].kill()
gc()
sleep(0)
for i in range(6):
    if i % 2 == 0:
        x.send(i)
    else:
        y.send(i)
let order = []
for i in range(6):
    order.append(out.recv())
print("fifo after kills:", order)
print("killed cleanups:", killed)

# A select waiting in a coroutine: its operands are on the coroutine's stack.
def gen(m, n):
    select:
        case m.recv() as v:
            yield "case 0 got " + v
        case n.recv() as v:
            yield "case 1 got " + v
def run_gen(m, n):
    done.send(coroutine(gen, m, n).resume())
let m = channel()
let n = channel()
spawn run_gen(m, n)
sleep(0)
n.send("co")
print("in coroutine:", done.recv())

# A waiting send case whose channel closes raises at the select.
def sender(s, t):
    try:
        select:
            case t.recv() as v:
                done.send("got")
            case s.send(1):
                done.send("sent")
    except ChannelClosed as e:
        done.send(type(e) + " " + e.message)
let s = channel()
let t = channel()
spawn sender(s, t)
sleep(0)
s.close()
print("send then close:", done.recv())
