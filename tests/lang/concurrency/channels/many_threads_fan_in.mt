# TEST: many threads send to one channel; every message arrives exactly once
#> count 1000
#> sum 499500
let ch = channel()
def w(i):
    ch.send(i)
for i in range(1000):
    spawn w(i)
let s = 0
for i in range(1000):
    s += ch.recv()
print("count", 1000)
print("sum", s)
