# pipeline: a source generator and 10 stage generators, each stage a plain
# loop over its input that yields v + 1; the main code is the sink. n items
# flow through. Prints the sum the sink receives: n*(n-1)/2 + 10*n.
import sys


def source(n):
    for i in range(n):
        yield i


def stage(inp):
    for v in inp:
        yield v + 1


def main(n, stages):
    p = source(n)
    for s in range(stages):
        p = stage(p)
    total = 0
    for v in p:
        total += v
    print(total)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000000, 10)
