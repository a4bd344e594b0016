# TEST: live closures, strings, maps and a 10,000-node linked list of instances survive repeated gc() calls intact
#> true 2000
#> 49995000
let keep = []
for i in range(2000):
    let s = "k" + str(i)
    keep.append(fn(): s)
    if i % 500 == 0:
        gc()
let m = {}
for i in range(2000):
    m[str(i) * 3] = [i, {"v": str(i)}]
    if i % 700 == 0:
        gc()
gc()
let ok = true
for i in range(2000):
    if keep[i]() != "k" + str(i):
        ok = false
    if m[str(i) * 3][1]["v"] != str(i):
        ok = false
print(ok, len(m))
class Node:
    def init(self, v, nxt):
        self.v = v
        self.nxt = nxt
let head = nil
for i in range(10000):
    head = Node(i, head)
gc()
let t = 0
let p = head
while p != nil:
    t += p.v
    p = p.nxt
print(t)
