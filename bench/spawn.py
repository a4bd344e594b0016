# spawn: n generators suspended at once, then all resumed to completion.
# Each is started (runs up to its yield, where it waits for a value), then
# each is sent 1 and returns 1 + i (delivered by StopIteration, as a finished
# generator does). Prints the sum: n + n*(n-1)/2.
import sys


def worker(i):
    v = yield
    return v + i


def main(n):
    gens = []
    for i in range(n):
        g = worker(i)
        next(g)
        gens.append(g)
    s = 0
    for g in gens:
        try:
            g.send(1)
        except StopIteration as e:
            s += e.value
    print(s)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000000)
