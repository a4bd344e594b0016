# TEST: a lambda stored in a global can call itself through that global
#> 24
let fact = fn(n): 1 if n <= 1 else n * fact(n - 1)
print(fact(4))
