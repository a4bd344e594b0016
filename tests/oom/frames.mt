# Frames and stack: deep recursion that grows a fiber's shared frames-and-stack block from
# its inline storage (in the main thread, a spawned thread and a coroutine), constructors
# entered inline, and many threads joined at once (the scheduler's join table grows).
class Node:
    def init(self, v, next):
        self.v = v
        self.next = next
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
def chain(n):
    let head = nil
    for i in range(n):
        head = Node(i, head)
    let total = 0
    while head != nil:
        total += head.v
        head = head.next
    return total
def gen(n):
    yield depth(n)
    yield chain(n)
print(depth(300), chain(50))
let t = spawn depth(200)
print(t.join())
print([v for v in coroutine(gen, 150)])
def worker(gate, i):
    gate.recv()
    return depth(i)
def joiner(w, out):
    out.send(w.join())
let gate = channel()
let out = channel(40)
let ws = [spawn worker(gate, 10 * i) for i in range(12)]
let js = [spawn joiner(w, out) for w in ws]
sleep(0)
for i in range(12):
    gate.send(nil)
for j in js:
    j.join()
let got = []
while len(out) > 0:
    got.append(out.recv())
got.sort()
print(got)
