# switch_coro: send/yield round trips with one generator, n times.
# Prints the final value (n).
import sys


def counter(v):
    while True:
        v = yield v + 1


def main(n):
    co = counter(0)
    v = next(co)
    for i in range(n - 1):
        v = co.send(v)
    print(v)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000000)
