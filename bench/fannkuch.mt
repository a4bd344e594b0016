# fannkuch: the benchmarks-game fannkuch-redux (integer list shuffling).
# Prints the checksum and the maximum number of flips.
def fannkuch(n):
    let perm = []
    let perm1 = []
    let count = []
    for i in range(n):
        perm.append(0)
        perm1.append(i)
        count.append(0)
    let maxflips = 0
    let checksum = 0
    let permcount = 0
    let r = n
    while true:
        while r != 1:
            count[r - 1] = r
            r -= 1
        for i in range(n):
            perm[i] = perm1[i]
        let flips = 0
        let k = perm[0]
        while k != 0:
            let i = 0
            let j = k
            while i < j:
                let t = perm[i]
                perm[i] = perm[j]
                perm[j] = t
                i += 1
                j -= 1
            flips += 1
            k = perm[0]
        if flips > maxflips:
            maxflips = flips
        if permcount % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        # next permutation (in the order of the counting algorithm)
        let more = true
        while more:
            if r == n:
                return [checksum, maxflips]
            let perm0 = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                more = false
            else:
                r += 1
        permcount += 1

let n = 10
if len(argv) > 1:
    n = int(argv[1])
let res = fannkuch(n)
print(res[0])
print(f"Pfannkuchen({n}) = {res[1]}")
