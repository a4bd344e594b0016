# loop: sum of i for i in range(n) with n = 100,000,000 (sum passes 2^47).
import sys


def sum_to(n):
    s = 0
    for i in range(n):
        s += i
    return s


n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000000
print(sum_to(n))
