# binarytrees: the benchmarks-game binary-trees (allocation + GC + recursion).
# Trees are instances of class Node; a leaf has nil children.
class Node:
    def init(self, left, right):
        self.left = left
        self.right = right

def make(depth):
    if depth == 0:
        return Node(nil, nil)
    return Node(make(depth - 1), make(depth - 1))

def check(t):
    if t.left == nil:
        return 1
    return 1 + check(t.left) + check(t.right)

def main(n):
    let min_depth = 4
    let max_depth = n
    if min_depth + 2 > n:
        max_depth = min_depth + 2
    let stretch = max_depth + 1
    print("stretch tree of depth", stretch, "check:", check(make(stretch)))
    let long_lived = make(max_depth)
    let d = min_depth
    while d <= max_depth:
        let iters = 2 ** (max_depth - d + min_depth)
        let c = 0
        for i in range(iters):
            c += check(make(d))
        print(iters, "trees of depth", d, "check:", c)
        d += 2
    print("long lived tree of depth", max_depth, "check:", check(long_lived))

let n = 15
if len(argv) > 1:
    n = int(argv[1])
main(n)
