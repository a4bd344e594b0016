# loop: sum of i for i in range(n) with n = 100,000,000. The sum passes 2^47
# after about 16.8M iterations, so most of the loop runs on heap-boxed ints.
def sum_to(n):
    let s = 0
    for i in range(n):
        s += i
    return s

let n = 100000000
if len(argv) > 1:
    n = int(argv[1])
print(sum_to(n))
