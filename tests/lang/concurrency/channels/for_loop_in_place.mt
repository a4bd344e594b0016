# TEST: a for loop over a channel whose body has no other local receives at its end in
# place (FOR_NEXT): the loop ends when the channel closes, a kill while it waits there
# runs its finally, an error in the body reaches join()
#> sum 10
#> [1, 2, "finally"]
#> got a
#> got b
#> loop ended
#> 2
#> joined: integer division by zero
def producer(ch, n):
    for i in range(n):
        ch.send(i)
    ch.close()

def consumer(ch, out):
    let total = 0
    for v in ch:
        total += v
    out.send(total)

let ch = channel()
let out = channel()
spawn consumer(ch, out)
spawn producer(ch, 5)
print("sum", out.recv())

def waiter(ch, log):
    try:
        for v in ch:
            log.append(v)
    finally:
        log.append("finally")

let c2 = channel()
let log = []
let t = spawn waiter(c2, log)
c2.send(1)
c2.send(2)
sleep(0)
t.kill()
t.join()
print(log)

def lines(ch):
    for v in ch:
        print("got", v)
    print("loop ended")

let c3 = channel(1)
c3.send("a")
let t3 = spawn lines(c3)
sleep(0)
c3.send("b")
c3.close()
t3.join()

def bad(ch):
    for v in ch:
        print(10 // v)

let c4 = channel()
let t4 = spawn bad(c4)
c4.send(5)
c4.send(0)
try:
    t4.join()
except ZeroDivisionError as e:
    print("joined:", e)
