# TEST: fn lambdas: single expression, zero or more params, called directly or stored
#> 9
#> 7
#> 42
#> [2, 4, 6]
let sq = fn(v): v * v
print(sq(3))
let add = fn(a, b): a + b
print(add(3, 4))
print((fn(): 42)())
print(map(fn(x): x * 2, [1, 2, 3]))
