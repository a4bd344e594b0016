# fannkuch: the benchmarks-game fannkuch-redux (integer list shuffling).
# Prints the checksum and the maximum number of flips.
import sys


def fannkuch(n):
    perm = []
    perm1 = []
    count = []
    for i in range(n):
        perm.append(0)
        perm1.append(i)
        count.append(0)
    maxflips = 0
    checksum = 0
    permcount = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        for i in range(n):
            perm[i] = perm1[i]
        flips = 0
        k = perm[0]
        while k != 0:
            i = 0
            j = k
            while i < j:
                t = perm[i]
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
        more = True
        while more:
            if r == n:
                return checksum, maxflips
            perm0 = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                more = False
            else:
                r += 1
        permcount += 1


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
checksum, maxflips = fannkuch(n)
print(checksum)
print(f"Pfannkuchen({n}) = {maxflips}")
