# Threads: spawn, join results, yield between threads, errors re-raised by join.
def work(id, n):
    let acc = []
    for i in range(n):
        acc.append(id * 100 + i)
        yield
    return acc

let ts = []
for id in range(5):
    ts.append(spawn work(id, 4))
for t in ts:
    print(t.join())

def fails():
    raise ValueError("bad thread")
let f = spawn fails()
try:
    f.join()
except ValueError as e:
    print("joined:", e.message)
let t = spawn sleep(0)
print(t.join(), current().id)
