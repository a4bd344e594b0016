# The collector at work: garbage trees, a suspended coroutine holding a finally that
# becomes garbage (closed by the collector), threads blocked forever on channels nobody
# can reach (killed by the collector), boxed ints.
class Node:
    def init(self, left, right):
        self.left = left
        self.right = right

def tree(depth):
    if depth == 0:
        return Node(nil, nil)
    return Node(tree(depth - 1), tree(depth - 1))

def check(n):
    if n.left == nil:
        return 1
    return 1 + check(n.left) + check(n.right)

let total = 0
for i in range(6):
    total += check(tree(4))
print(total)

def holder():
    try:
        yield 1
    finally:
        print("coroutine cleanup")
let co = coroutine(holder)
co.resume()
co = nil

def lost():
    let c = channel()
    try:
        c.recv()
    finally:
        print("thread cleanup")
spawn lost()
yield
gc()
yield
let big = 1 << 50
let sum = 0
for i in range(50):
    sum += big + i
print(sum)
