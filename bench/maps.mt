# maps: n inserts into a map keyed by int (keys i * 7, so not a dense array),
# then n lookups in a scrambled order ((i * 13) % n is a permutation of 0..n-1
# when n is coprime to 13). Prints the map size and the sum of the values found.
def main(n):
    let m = {}
    for i in range(n):
        m[i * 7] = i
    let s = 0
    for i in range(n):
        s += m[((i * 13) % n) * 7]
    print(len(m), s)

let n = 1000000
if len(argv) > 1:
    n = int(argv[1])
main(n)
