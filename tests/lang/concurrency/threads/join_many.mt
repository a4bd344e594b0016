# TEST: many threads joined at once, each by two joiners; joiners killed while they wait (the others still get the value); a collection while they wait
#> 125 2 198 12500
#> true
#> 1000 1000
def worker(gate, i):
    gate.recv()
    return i * 2
def joiner(t, out):
    out.send(t.join())
let gate = channel()
let out = channel(1000)
let workers = [spawn worker(gate, i) for i in range(100)]
let joiners = []
for t in workers:
    joiners.append(spawn joiner(t, out))
    joiners.append(spawn joiner(t, out))
sleep(0)
# Both joiners of every fourth worker, and the first joiner of every other even one
for k in range(len(joiners)):
    let w = k // 2
    if w % 4 == 0 or (w % 2 == 0 and k % 2 == 0):
        joiners[k].kill()
sleep(0)
gc()
for i in range(100):
    gate.send(nil)
let got = []
for j in joiners:
    j.join()
while len(out) > 0:
    got.append(out.recv())
got.sort()
print(len(got), got[0], got[len(got) - 1], sum(got))
let expect = []
for w in range(100):
    if w % 4 == 0:
        continue
    expect.append(w * 2)
    if w % 2 == 1:
        expect.append(w * 2)
expect.sort()
print(got == expect)
# a worker joined again after it ended, and by main while joiners wait too
let late = spawn worker(gate, 500)
let j1 = spawn joiner(late, out)
sleep(0)
gate.send(nil)
print(late.join(), out.recv())
