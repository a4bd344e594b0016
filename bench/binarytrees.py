# binarytrees: the benchmarks-game binary-trees (allocation + GC + recursion).
# Trees are instances of class Node (with __slots__); a leaf has None children.
import sys


class Node:
    __slots__ = ("left", "right")

    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def check(t):
    if t.left is None:
        return 1
    return 1 + check(t.left) + check(t.right)


def main(n):
    min_depth = 4
    max_depth = n
    if min_depth + 2 > n:
        max_depth = min_depth + 2
    stretch = max_depth + 1
    print("stretch tree of depth", stretch, "check:", check(make(stretch)))
    long_lived = make(max_depth)
    d = min_depth
    while d <= max_depth:
        iters = 2 ** (max_depth - d + min_depth)
        c = 0
        for i in range(iters):
            c += check(make(d))
        print(iters, "trees of depth", d, "check:", c)
        d += 2
    print("long lived tree of depth", max_depth, "check:", check(long_lived))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
