# TEST: threads waiting in selects with more than two channel cases (their links in a block) and in choose() are killed, collected and ended at program end, each finally running once, and the channels' queues stay intact for the others
#> woken in order: [1, 3, 5] received 5
#> cleanups: 6
#> choose killed, its finally ran
#> gc done
#> garbage select collected, its finally ran
#> end
#> waiting at the end: its finally ran
let cleanups = 0
def three(i, a, b, c, out):
    try:
        select:
            case a.recv() as v:
                out.send(i)
            case b.recv() as v:
                out.send(i)
            case c.send(i):
                out.send(i)
    finally:
        cleanups += 1
let a = channel()
let b = channel()
let c = channel()
let out = channel(10)
let ts = []
for i in range(6):
    ts.append(spawn three(i, a, b, c, out))
sleep(0)
for i in range(0, 6, 2):
    ts[i].kill()
sleep(0)
a.send("x")
b.send("y")
let got = c.recv()
let order = [out.recv(), out.recv(), out.recv()]
print("woken in order:", order, "received", got)
print("cleanups:", cleanups)

def chooser(a, b, c):
    try:
        choose([["recv", a], ["recv", b], ["send", c, 1]])
    finally:
        print("choose killed, its finally ran")
let t = spawn chooser(a, b, c)
sleep(0)
t.kill()
sleep(0)

def garbage():
    let x = channel()
    let y = channel()
    let z = channel()
    try:
        select:
            case x.recv() as v:
                pass
            case y.recv() as v:
                pass
            case z.send(1):
                pass
    finally:
        print("garbage select collected, its finally ran")
spawn garbage()
sleep(0)
gc()
print("gc done")
sleep(0)

def at_end(a, b, c):
    try:
        select:
            case a.recv() as v:
                pass
            case b.recv() as v:
                pass
            case c.send(1):
                pass
    finally:
        print("waiting at the end: its finally ran")
spawn at_end(a, b, c)
sleep(0)
print("end")
