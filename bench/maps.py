# maps: n inserts into a dict keyed by int (keys i * 7, so not a dense array),
# then n lookups in a scrambled order ((i * 13) % n is a permutation of 0..n-1
# when n is coprime to 13). Prints the dict size and the sum of the values found.
import sys


def main(n):
    m = {}
    for i in range(n):
        m[i * 7] = i
    s = 0
    for i in range(n):
        s += m[((i * 13) % n) * 7]
    print(len(m), s)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000000)
