# TEST: heap-allocated big ints (beyond 2^47) hash and compare like their float twins and like each other
#> int true
#> 1 again
#> 1
#> true true
let m = {}
let big = 2 ** 50
m[big] = "int"
print(m[2.0 ** 50], hash(big) == hash(2.0 ** 50))
m[2 ** 50] = "again"
print(len(m), m[big])
let n = {}
n[2 ** 60 + 1] = 1
print(n[1152921504606846977])
print([2 ** 50] == [2.0 ** 50], 2 ** 60 + 1 in [2 ** 60 + 1])
