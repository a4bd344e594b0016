# TEST: full 64-bit ints (beyond 2^47/2^53) are exact in arithmetic and printing
#> 140737488355328
#> 9007199254740993
#> 1000000000000000000
#> 3000000000000000000
#> true
#> 4611686018427387903
let a = 2 ** 47
print(a)
print(2 ** 53 + 1)
let t = 0
for i in range(3):
    t += 1000000000000000000
print(t // 3)
print(t)
print(2 ** 53 + 1 != 2 ** 53)
print(9223372036854775807 // 2)
