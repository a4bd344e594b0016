# ring: 10,000 generators in a ring, a token goes around n times: the driver
# sends the token to each generator in turn and it yields token + 1
# (generators are asymmetric, so the driver carries the token from one to the
# next). 10,000 * n hops. Prints the token's final value (10,000 * n).
# argv[1] = laps (default 300), argv[2] = generators (default 10000).
import sys


def relay():
    v = yield
    while True:
        v = yield v + 1


def main(laps, size):
    ring = []
    for i in range(size):
        g = relay()
        next(g)
        ring.append(g)
    v = 0
    for lap in range(laps):
        for g in ring:
            v = g.send(v)
    print(v)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 300,
     int(sys.argv[2]) if len(sys.argv) > 2 else 10000)
